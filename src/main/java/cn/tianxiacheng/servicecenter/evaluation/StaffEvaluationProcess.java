package cn.tianxiacheng.servicecenter.evaluation;

/** {@code StaffEvaluationProcess} (员工考核) and the half-monthly run that starts it: keys, element ids, variables. */
public final class StaffEvaluationProcess {

	public static final String KEY = "StaffEvaluationProcess";

	public static final String RUN_KEY = "StaffEvaluationRunProcess";

	private StaffEvaluationProcess() {
	}

	public static final class Element {

		public static final String SUPERVISOR_SCORES = "Task_SupervisorScores";

		public static final String STAFF_CONFIRMS = "Task_StaffConfirms";

		public static final String CONFIRM_OVERDUE = "BoundaryEvent_ConfirmOverdue";

		public static final String DECIDE_APPEAL = "Task_DecideAppeal";

		public static final String DIRECTOR_APPROVES = "Task_DirectorApproves";

		public static final String RECORD_APPROVAL = "Task_RecordApproval";

		public static final String EVALUATION_APPROVED = "EndEvent_EvaluationApproved";

		public static final String START_EVALUATIONS = "Task_StartEvaluations";

		private Element() {
		}

	}

	public static final class Var {

		public static final String STAFF_ID = "staffId";

		public static final String POST = "post";

		public static final String SUPERVISOR_GROUP = "supervisorGroup";

		public static final String RESPONSE = "response";

		private Var() {
		}

	}

}
