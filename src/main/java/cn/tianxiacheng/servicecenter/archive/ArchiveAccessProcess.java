package cn.tianxiacheng.servicecenter.archive;

/**
 * {@code ArchiveAccessProcess} (档案查阅): key and element ids.
 */
public final class ArchiveAccessProcess {

	public static final String KEY = "ArchiveAccessProcess";

	private ArchiveAccessProcess() {
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

}
