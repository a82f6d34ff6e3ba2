package cn.tianxiacheng.servicecenter.casework;

/**
 * {@code ReturnVisitProcess} (回访): key, element ids, the business key of a case's visit.
 */
public final class ReturnVisitProcess {

	public static final String KEY = "ReturnVisitProcess";

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

		private Element() {
		}

	}

}
