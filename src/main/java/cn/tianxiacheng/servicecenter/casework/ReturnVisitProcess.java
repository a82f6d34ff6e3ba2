package cn.tianxiacheng.servicecenter.casework;

import java.time.YearMonth;
import java.util.Optional;

/**
 * {@code ReturnVisitProcess} (回访): key, element ids, the business key of a case's visit.
 */
public final class ReturnVisitProcess {

	public static final String KEY = "ReturnVisitProcess";

	/** Key of the monthly campaign of routine visits (seed duty 3.1). */
	public static final String CAMPAIGN_KEY = "ReturnVisitCampaignProcess";

	/** The owner's satisfaction, 1–5, from the visit's form. */
	public static final String SATISFACTION = "satisfaction";

	/** The lowest and highest satisfaction the visit's form allows ({@code return-visit.form}). */
	public static final int SATISFACTION_MIN = 1;

	public static final int SATISFACTION_MAX = 5;

	/** Tries made to reach the owner. */
	public static final String ATTEMPTS = "attempts";

	/** The app page the visit's form links to: the case's, or the unit's for a routine visit. */
	public static final String DETAILS_PATH = "detailsPath";

	/** Tries to reach the owner before the visit ends as unreachable. */
	public static final int MAX_ATTEMPTS = 3;

	private ReturnVisitProcess() {
	}

	private static final String BUSINESS_KEY_PREFIX = "HF-";

	private static final String ROUTINE_PREFIX = BUSINESS_KEY_PREFIX + "ROUTINE-";

	public static String businessKey(String caseNumber) {
		return BUSINESS_KEY_PREFIX + caseNumber;
	}

	/**
	 * {@code HF-ROUTINE-2026-11-TXC-3-2-1501}: the routine visit of a unit in a month, with its estate's
	 * code, as two estates may number a unit alike.
	 */
	static String routineBusinessKey(YearMonth month, String estateCode, String unitNumber) {
		return ROUTINE_PREFIX + month + "-" + estateCode + "-" + unitNumber;
	}

	/** The case a visit follows up, or none for a routine visit. */
	static Optional<String> caseNumber(String businessKey) {
		return businessKey.startsWith(ROUTINE_PREFIX) ? Optional.empty()
				: Optional.of(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
	}

	public static final class Element {

		public static final String VISIT_DUE = "Event_VisitDue";

		public static final String RETURN_VISIT = "Task_ReturnVisit";

		public static final String TRY_NEXT_DAY = "Event_TryNextDay";

		public static final String OWNER_UNREACHABLE = "EndEvent_OwnerUnreachable";

		public static final String REOPEN_CASE = "Task_ReopenCase";

		public static final String MANAGER_FOLLOW_UP = "Task_ManagerFollowUp";

		public static final String CLOSE_FOLLOWED_UP_CASE = "Task_CloseFollowedUpCase";

		public static final String VISIT_DONE = "EndEvent_VisitDone";

		public static final String DISSATISFACTION_HANDLED = "EndEvent_DissatisfactionHandled";

		public static final String CAMPAIGN_DUE = "StartEvent_CampaignDue";

		public static final String START_ROUTINE_VISITS = "Task_StartRoutineVisits";

		private Element() {
		}

	}

}
