package cn.tianxiacheng.servicecenter.archive;

/**
 * {@code ArchiveAccessProcess} (档案查阅): key, business key, element ids and variables.
 */
final class ArchiveAccessProcess {

	public static final String KEY = "ArchiveAccessProcess";

	private static final String BUSINESS_KEY_PREFIX = "CY-";

	private ArchiveAccessProcess() {
	}

	/** {@code CY-42} for access request 42. */
	static String businessKey(long accessId) {
		return BUSINESS_KEY_PREFIX + accessId;
	}

	static long accessId(String businessKey) {
		return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
	}

	public static final class Element {

		public static final String APPROVE_ACCESS = "Task_ApproveAccess";

		public static final String RECORD_DECISION = "Task_RecordDecision";

		public static final String ACCESS_EXPIRES = "Event_AccessExpires";

		public static final String EXPIRE_ACCESS = "Task_ExpireAccess";

		public static final String ACCESS_EXPIRED = "EndEvent_AccessExpired";

		public static final String ACCESS_REFUSED = "EndEvent_AccessRefused";

		public static final String RECORD_RETURN = "Task_RecordReturn";

		public static final String RETURN_OVERDUE = "BoundaryEvent_ReturnOverdue";

		public static final String CHASE_RETURN = "Task_ChaseReturn";

		public static final String FILE_RETURNED = "EndEvent_FileReturned";

		private Element() {
		}

	}

	public static final class Var {

		public static final String ACCESS_ID = "accessId";

		public static final String ARCHIVE_NUMBER = "archiveNumber";

		/** The archive's page, linked from every task's form. */
		public static final String ARCHIVE_ID = "archiveId";

		public static final String REQUESTED_BY = "requestedBy";

		/** Who approves: the manager, or the director when the requester is the only manager. */
		public static final String APPROVER_GROUP = "approverGroup";

		public static final String REASON = "reason";

		public static final String KIND = "kind";

		/** What the approver reads: the requester by name and the kind in words. */
		public static final String REQUESTED_BY_NAME = "requestedByName";

		public static final String KIND_LABEL = "kindLabel";

		public static final String DUE_ON = "dueOn";

		/** The manager's decision, from the approval form. */
		public static final String APPROVED = "approved";

		public static final String VALID_UNTIL = "validUntil";

		public static final String RETURNED_LATE = "returnedLate";

		private Var() {
		}

	}

}
