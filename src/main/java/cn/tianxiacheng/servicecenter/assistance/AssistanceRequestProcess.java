package cn.tianxiacheng.servicecenter.assistance;

/**
 * {@code AssistanceRequestProcess} (协助办理): key, element ids and variables. The business key
 * is the request's number ({@code TXC-XZ-20260315-0001}).
 */
public final class AssistanceRequestProcess {

	public static final String KEY = "AssistanceRequestProcess";

	/** The certificate's facts are not in the records (any more): nothing is certified. */
	public static final String NOT_IN_RECORDS = "Error_NotInRecords";

	private AssistanceRequestProcess() {
	}

	public static final class Element {

		public static final String VERIFY_REQUESTER = "Task_VerifyRequester";

		public static final String RECORD_VERIFICATION = "Task_RecordVerification";

		public static final String REQUEST_REFUSED = "EndEvent_RequestRefused";

		public static final String OBTAIN_DEVELOPER_DOCUMENTS = "Task_ObtainDeveloperDocuments";

		public static final String FOLLOW_UP_DUE = "Event_FollowUpDue";

		public static final String DRAFT_CERTIFICATE = "Task_DraftCertificate";

		public static final String NOT_IN_RECORDS = "BoundaryEvent_NotInRecords";

		public static final String NOT_CERTIFIED = "EndEvent_NotCertified";

		public static final String APPROVE_SEAL = "Task_ApproveSeal";

		public static final String RECORD_SEAL_DECISION = "Task_RecordSealDecision";

		public static final String SEAL_REFUSED = "EndEvent_SealRefused";

		public static final String HAND_OVER = "Task_HandOver";

		public static final String RECORD_HAND_OVER = "Task_RecordHandOver";

		public static final String RETURN_VISIT_DUE = "Event_ReturnVisitDue";

		public static final String RETURN_VISIT = "Task_ReturnVisit";

		public static final String RECORD_RETURN_VISIT = "Task_RecordReturnVisit";

		public static final String ASSISTANCE_DONE = "EndEvent_AssistanceDone";

		private Element() {
		}

	}

	public static final class Var {

		/** The request's number, as every task card shows it. */
		public static final String CASE_NUMBER = "caseNumber";

		/** The login id of the staff member who registered the request: the seal's approval is never theirs. */
		public static final String REQUESTED_BY = "requestedBy";

		/** Who approves the seal: the manager, or the one above when the manager registered it ({@code ApproverGroups}). */
		public static final String APPROVER_GROUP = "approverGroup";

		public static final String UNIT_NUMBER = "unitNumber";

		/** The kind's label (实际居住证明…), for the cards. */
		public static final String CATEGORY = "category";

		public static final String URGENCY_LABEL = "urgencyLabel";

		/** RESIDENCE, FEES_PAID, HANDOVER or DEVELOPER_DOCUMENTS: the route. */
		public static final String KIND = "kind";

		public static final String PURPOSE = "purpose";

		public static final String ADDRESSEE = "addressee";

		public static final String DETAILS = "details";

		public static final String DETAILS_PATH = "detailsPath";

		/** Reception's check of the requester against the owner archive, from the form. */
		public static final String REQUESTER_VERIFIED = "requesterVerified";

		/** Whether the developer's documents came, from the form. */
		public static final String DOCUMENTS_OBTAINED = "documentsObtained";

		/** The manager's approval of the seal (用印), from the form. */
		public static final String SEAL_APPROVED = "sealApproved";

		public static final String SATISFACTION = "satisfaction";

		private Var() {
		}

	}

}
