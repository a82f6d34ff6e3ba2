package cn.tianxiacheng.servicecenter.archive;

/**
 * {@code ArchiveChangeProcess} (档案变更审批): key, business key, element ids and variables.
 */
final class ArchiveChangeProcess {

	public static final String KEY = "ArchiveChangeProcess";

	private static final String BUSINESS_KEY_PREFIX = "BG-";

	private ArchiveChangeProcess() {
	}

	/** {@code BG-7} for archive change 7. */
	static String businessKey(long changeId) {
		return BUSINESS_KEY_PREFIX + changeId;
	}

	static long changeId(String businessKey) {
		return Long.parseLong(businessKey.substring(BUSINESS_KEY_PREFIX.length()));
	}

	public static final class Element {

		public static final String CHANGE_REQUESTED = "StartEvent_ChangeRequested";

		public static final String APPROVE_CHANGE = "Task_ApproveChange";

		public static final String APPLY_DECISION = "Task_ApplyDecision";

		public static final String CHANGE_DECIDED = "EndEvent_ChangeDecided";

		private Element() {
		}

	}

	public static final class Var {

		public static final String CHANGE_ID = "changeId";

		public static final String ARCHIVE_ID = "archiveId";

		public static final String ARCHIVE_NUMBER = "archiveNumber";

		public static final String FIELD_LABEL = "fieldLabel";

		public static final String REQUESTED_BY = "requestedBy";

		public static final String REQUESTED_BY_NAME = "requestedByName";

		public static final String REASON = "reason";

		/** The manager's decision, from the approval form. */
		public static final String APPROVED = "approved";

		private Var() {
		}

	}

}
