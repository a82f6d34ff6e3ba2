package cn.tianxiacheng.servicecenter.dunning;

/**
 * {@code FeeDunningProcess} (欠费催缴) and {@code FeeArrearsScanProcess} (欠费巡检): keys,
 * message, element ids and variables.
 */
public final class FeeDunningProcess {

	public static final String KEY = "FeeDunningProcess";

	public static final String SCAN_KEY = "FeeArrearsScanProcess";

	/** Ends a dunning case when the unit has paid what was overdue. */
	public static final String ARREARS_CLEARED = "FeeArrearsCleared";

	private FeeDunningProcess() {
	}

	private static final String BUSINESS_KEY_PREFIX = "CJ-";

	/**
	 * The business key of a unit's dunning case, e.g. {@code CJ-TXC-3-2-1501}: the estate's code, as
	 * two estates may number a unit alike.
	 */
	public static String businessKey(String estateCode, String unitNumber) {
		return BUSINESS_KEY_PREFIX + estateCode + "-" + unitNumber;
	}

	/** The key of a case opened before the key carried the estate's code, {@code CJ-3-2-1501}. */
	static String keyWithoutEstate(String unitNumber) {
		return BUSINESS_KEY_PREFIX + unitNumber;
	}

	public static final class Element {

		public static final String ARREARS_FOUND = "StartEvent_ArrearsFound";

		public static final String FIRST_REMINDER = "Task_FirstReminder";

		public static final String FIRST_PROMISE_DUE = "Event_FirstPromiseDue";

		public static final String SECOND_REMINDER_DUE = "Event_SecondReminderDue";

		public static final String SECOND_REMINDER = "Task_SecondReminder";

		public static final String SECOND_PROMISE_DUE = "Event_SecondPromiseDue";

		public static final String MANAGER_FOLLOW_UP = "Task_ManagerFollowUp";

		public static final String HANDLED_BY_MANAGER = "EndEvent_HandledByManager";

		public static final String ARREARS_CLEARED = "StartEvent_ArrearsCleared";

		public static final String DUNNING_ENDED = "EndEvent_ArrearsCleared";

		public static final String SCAN_DUE = "StartEvent_ScanDue";

		public static final String OPEN_DUNNING_CASES = "Task_OpenDunningCases";

		private Element() {
		}

	}

	public static final class Var {

		public static final String UNIT_ID = "unitId";

		public static final String UNIT_NUMBER = "unitNumber";

		public static final String OVERDUE_AMOUNT = "overdueAmount";

		public static final String OLDEST_DUE_DATE = "oldestDueDate";

		/** {@code PROMISED}, {@code REFUSED} or {@code UNREACHABLE}, from the reminder form. */
		public static final String OUTCOME = "outcome";

		/** {@code 2026-12-05}, when the owner promised to pay. */
		public static final String PROMISED_DATE = "promisedDate";

		private Var() {
		}

	}

}
