package cn.tianxiacheng.servicecenter.release;

import cn.tianxiacheng.servicecenter.journal.Journal;

/**
 * {@code GoodsReleaseProcess} (物品放行): key, messages, element ids and variables. The business
 * key is the pass number ({@code TXC-FX-20261127-0001}).
 */
public final class GoodsReleaseProcess {

	public static final String KEY = "GoodsReleaseProcess";

	/** The guard released the goods at the gate. */
	static final String GOODS_RELEASED = "GoodsReleased";

	/** The guard refused the goods at the gate. */
	static final String REFUSED_AT_GATE = "GoodsRefusedAtGate";

	/** Reception revoked the issued pass. */
	static final String PASS_REVOKED = "ReleasePassRevoked";

	private GoodsReleaseProcess() {
	}

	public static final class Element {

		public static final String CHECK_ACCOUNT = "Task_CheckAccount";

		public static final String CONFIRM_WITH_OWNER = "Task_ConfirmWithOwner";

		public static final String NOT_CONFIRMED_IN_TIME = "BoundaryEvent_NotConfirmedInTime";

		public static final String RECORD_OWNER_CONFIRMATION = "Task_RecordOwnerConfirmation";

		public static final String REVIEW_REQUEST = "Task_ReviewRequest";

		public static final String RECORD_REVIEW = "Task_RecordReview";

		public static final String DECIDE_MOVE_OUT = "Task_DecideMoveOut";

		public static final String RECORD_MANAGER_DECISION = "Task_RecordManagerDecision";

		public static final String ISSUE_PASS = "Task_IssuePass";

		public static final String AT_THE_GATE = "Gateway_AtTheGate";

		public static final String GOODS_RELEASED = "EndEvent_GoodsReleased";

		public static final String REFUSED_AT_GATE = "EndEvent_RefusedAtGate";

		public static final String PASS_REVOKED = "EndEvent_PassRevoked";

		public static final String WINDOW_ENDED = "Event_WindowEnded";

		public static final String EXPIRE_PASS = "Task_ExpirePass";

		public static final String PASS_EXPIRED = "EndEvent_PassExpired";

		public static final String REFUSE_REQUEST = "Task_RefuseRequest";

		public static final String REQUEST_REFUSED = "EndEvent_RequestRefused";

		private Element() {
		}

	}

	public static final class Var {

		/** The pass number, under the name Tasklist's cards show. */
		public static final String CASE_NUMBER = "caseNumber";

		/** The login id of the staff member who registered the request: its review and the move-out decision are never theirs. */
		public static final String REQUESTED_BY = "requestedBy";

		/** Who reviews: reception, or the manager when the requester is the only receptionist. */
		public static final String REVIEW_GROUP = "reviewGroup";

		/** Who decides a move-out with arrears: the manager, or the director when the requester is the only manager. */
		public static final String MOVE_OUT_GROUP = "moveOutGroup";

		public static final String UNIT_ID = "unitId";

		public static final String UNIT_NUMBER = "unitNumber";

		public static final String CATEGORY = "category";

		public static final String URGENCY_LABEL = "urgencyLabel";

		/** OWNER, TENANT or AGENT: the owner's confirmation is asked for the others. */
		public static final String APPLICANT_KIND = "applicantKind";

		/** 业主 / 租户 / 代办人（搬家公司）, with the name masked to the family name. */
		public static final String APPLICANT_LABEL = "applicantLabel";

		public static final String ITEMS = "itemsSummary";

		public static final String WINDOW = "windowText";

		public static final String GATE = "gate";

		public static final String MOVE_OUT = "moveOut";

		/** The end of the window, ISO instant: the owner's confirmation and the pass end then. */
		public static final String VALID_TO = "validTo";

		/** The unit's arrears in yuan, shown at the review. */
		public static final String ARREARS = "arrears";

		public static final String IN_ARREARS = "inArrears";

		/** A tenant's lease and whether a move-out comes before its end. */
		public static final String LEASE_NOTE = "leaseNote";

		/** From the confirmation form: IN_PERSON, PHONE, WRITTEN or DECLINED. */
		public static final String OWNER_CONFIRMATION = "ownerConfirmation";

		public static final String OWNER_CONFIRMED = "ownerConfirmed";

		/** From the review form: APPROVE or REFUSE. */
		public static final String REVIEW_RESULT = "reviewResult";

		public static final String REVIEW_APPROVED = "reviewApproved";

		/** From the manager's form. */
		public static final String MANAGER_APPROVED = "managerApproved";

		public static final String RECENT_STEPS = Journal.RECENT_STEPS;

		public static final String OPINION = Journal.OPINION;

		private Var() {
		}

	}

}
