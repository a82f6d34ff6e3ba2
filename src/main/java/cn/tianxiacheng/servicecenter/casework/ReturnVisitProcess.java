package cn.tianxiacheng.servicecenter.casework;

/**
 * {@code ReturnVisitProcess} (回访): key, element ids, the business key of a case's visit.
 */
public final class ReturnVisitProcess {

	public static final String KEY = "ReturnVisitProcess";

	/** Key of the monthly campaign of routine visits (seed duty 3.1). */
	public static final String CAMPAIGN_KEY = "ReturnVisitCampaignProcess";

	/** Tries made to reach the owner. */
	public static final String ATTEMPTS = "attempts";

	/** The app page the visit's form links to: the case's, or the unit's for a routine visit. */
	public static final String DETAILS_PATH = "detailsPath";

	/** Tries to reach the owner before the visit ends as unreachable. */
	public static final int MAX_ATTEMPTS = 3;

	private ReturnVisitProcess() {
	}

	public static String businessKey(String caseNumber) {
		return "HF-" + caseNumber;
	}

	public static final class Element {

		public static final String VISIT_DUE = "Event_VisitDue";

		public static final String RETURN_VISIT = "Task_ReturnVisit";

		public static final String TRY_NEXT_DAY = "Event_TryNextDay";

		public static final String OWNER_UNREACHABLE = "EndEvent_OwnerUnreachable";

		public static final String REOPEN_CASE = "Task_ReopenCase";

		public static final String MANAGER_FOLLOW_UP = "Task_ManagerFollowUp";

		public static final String VISIT_DONE = "EndEvent_VisitDone";

		public static final String DISSATISFACTION_HANDLED = "EndEvent_DissatisfactionHandled";

		public static final String CAMPAIGN_DUE = "StartEvent_CampaignDue";

		public static final String START_ROUTINE_VISITS = "Task_StartRoutineVisits";

		private Element() {
		}

	}

}
