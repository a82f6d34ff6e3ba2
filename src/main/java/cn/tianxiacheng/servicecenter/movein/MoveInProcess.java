package cn.tianxiacheng.servicecenter.movein;

/**
 * {@code MoveInProcess} (入伙): key, message, element ids and variables.
 */
public final class MoveInProcess {

	public static final String KEY = "MoveInProcess";

	/** The opening fees were paid at the counter: the cashier's task is over. */
	public static final String FEES_PAID = "MoveInFeesPaid";

	private MoveInProcess() {
	}

	public static final class Element {

		public static final String CHECK_DOCUMENTS = "Task_CheckDocuments";

		public static final String SUPPLY_DOCUMENTS = "Task_SupplyDocuments";

		public static final String SUPPLY_REMINDER_DUE = "BoundaryEvent_SupplyReminderDue";

		public static final String REMIND_OWNER = "Task_RemindOwner";

		public static final String SUPPLY_OVERDUE = "BoundaryEvent_SupplyOverdue";

		public static final String CANCEL_MOVE_IN = "Task_CancelMoveIn";

		public static final String MOVE_IN_CANCELLED = "EndEvent_MoveInCancelled";

		public static final String REJECT_MOVE_IN = "Task_RejectMoveIn";

		public static final String MOVE_IN_REJECTED = "EndEvent_MoveInRejected";

		public static final String SIGN_AGREEMENTS = "Task_SignAgreements";

		public static final String ISSUE_OPENING_FEES = "Task_IssueOpeningFees";

		public static final String COLLECT_OPENING_FEES = "Task_CollectOpeningFees";

		public static final String PAID_AT_COUNTER = "BoundaryEvent_PaidAtCounter";

		public static final String CHECK_OPENING_FEES_PAID = "Task_CheckOpeningFeesPaid";

		public static final String INSPECT_AND_HAND_OVER = "Task_InspectAndHandOver";

		public static final String COMPLETE_MOVE_IN = "Task_CompleteMoveIn";

		public static final String MOVED_IN = "EndEvent_MovedIn";

		private Element() {
		}

	}

	public static final class Var {

		public static final String MOVE_IN_ID = "moveInId";

		public static final String CASE_NUMBER = "caseNumber";

		public static final String UNIT_ID = "unitId";

		public static final String UNIT_NUMBER = "unitNumber";

		public static final String DOCUMENTS_RESULT = "documentsResult";

		public static final String OPENING_FEES_PAID = "openingFeesPaid";

		/** The opening fees billed, in yuan. */
		public static final String OPENING_FEES = "openingFees";

		/** How many repair cases the inspection's defects opened. */
		public static final String DEFECT_CASES = "defectCases";

		/** Defects found at the inspection, one a line. */
		public static final String DEFECTS = "defects";

		private Var() {
		}

	}

}
