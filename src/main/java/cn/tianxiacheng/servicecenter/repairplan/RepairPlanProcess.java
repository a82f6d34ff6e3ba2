package cn.tianxiacheng.servicecenter.repairplan;

/**
 * {@code RepairPlanProcess} (公共设施大、中修计划): key, element ids and variables. The business key
 * is the plan's number ({@code TXC-WXJH-2026-001}).
 */
final class RepairPlanProcess {

	public static final String KEY = "RepairPlanProcess";

	private RepairPlanProcess() {
	}

	public static final class Element {

		public static final String PLAN_DRAFTED = "StartEvent_PlanDrafted";

		public static final String REVIEW_PLAN = "Task_ReviewPlan";

		public static final String RECORD_REVIEW = "Task_RecordReview";

		public static final String PLAN_REJECTED = "EndEvent_PlanRejected";

		public static final String CONSULT = "Task_Consult";

		public static final String RECORD_CONSULTATION = "Task_RecordConsultation";

		public static final String PLAN_NOT_AGREED = "EndEvent_PlanNotAgreed";

		public static final String CARRY_OUT_WORKS = "Task_CarryOutWorks";

		public static final String WORKS_OVERDUE = "BoundaryEvent_WorksOverdue";

		public static final String CHASE_WORKS = "Task_ChaseWorks";

		public static final String WORKS_CHASED = "EndEvent_WorksChased";

		public static final String RECORD_WORKS_DONE = "Task_RecordWorksDone";

		public static final String ACCEPT_WORKS = "Task_AcceptWorks";

		public static final String RECORD_ACCEPTANCE = "Task_RecordAcceptance";

		public static final String PLAN_COMPLETED = "EndEvent_PlanCompleted";

		private Element() {
		}

	}

	public static final class Var {

		/** The plan's number, as every task card shows it. */
		public static final String CASE_NUMBER = "caseNumber";

		/** 大修计划 or 中修计划, for the cards. */
		public static final String CATEGORY = "category";

		public static final String URGENCY_LABEL = "urgencyLabel";

		public static final String ITEM = "item";

		public static final String FACILITY = "facility";

		/** The budget as text ({@code 123456.78}), for the forms; the record holds the amount. */
		public static final String BUDGET = "budget";

		/** The planned period, ISO dates; the works' overdue timer reads the end. */
		public static final String PLANNED_START = "plannedStart";

		public static final String PLANNED_END = "plannedEnd";

		public static final String DETAILS_PATH = "detailsPath";

		/** The drafter's login id: the review is never theirs (the model's {@code approval} property). */
		public static final String REQUESTED_BY = "requestedBy";

		/** The group that reviews the plan: another director, else the manager. */
		public static final String REVIEW_GROUP = "reviewGroup";

		/** The director's approval of the construction plan and budget, from the form. */
		public static final String PLAN_APPROVED = "planApproved";

		/** Whether the budget exceeds the threshold, set from the record when the review is recorded. */
		public static final String CONSULTATION_NEEDED = "consultationNeeded";

		/** The threshold as text, for the consultation form. */
		public static final String THRESHOLD = "threshold";

		/** Whom the manager consulted and how (业主委员会会议…), from the form. */
		public static final String CONSULTED_WITH = "consultedWith";

		/** Whether the manager and the owners' representatives agreed, from the form. */
		public static final String CONSULTATION_AGREED = "consultationAgreed";

		/** Whether the works passed acceptance (竣工验收), from the form. */
		public static final String ACCEPTED = "accepted";

		/** The final account (决算) in yuan as text, from the acceptance form. */
		public static final String FINAL_ACCOUNT = "finalAccount";

		/** Why the final account differs from the budget, from the acceptance form. */
		public static final String VARIANCE_EXPLANATION = "varianceExplanation";

		private Var() {
		}

	}

}
