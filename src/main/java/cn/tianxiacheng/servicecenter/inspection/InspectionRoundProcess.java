package cn.tianxiacheng.servicecenter.inspection;

/**
 * {@code InspectionRoundProcess} (日常巡查): one round of one route, a morning or an afternoon. The
 * business key is the round's number ({@code XC-20261127-AM-03}).
 */
final class InspectionRoundProcess {

	public static final String KEY = "InspectionRoundProcess";

	private InspectionRoundProcess() {
	}

	public static final class Element {

		public static final String ROUND_STARTS = "Event_RoundStarts";

		public static final String WALK_ROUND = "Task_WalkRound";

		public static final String ROUND_OVERDUE = "BoundaryEvent_RoundOverdue";

		public static final String CLOSE_ROUND = "Task_CloseRound";

		public static final String ROUND_DONE = "EndEvent_RoundDone";

		public static final String REPORT_MISSED_ROUND = "Task_ReportMissedRound";

		public static final String REVIEW_MISSED_ROUND = "Task_ReviewMissedRound";

		public static final String MISSED_ROUND_REVIEWED = "EndEvent_MissedRoundReviewed";

		private Element() {
		}

	}

	public static final class Var {

		/** The round's number, as the task cards show it. */
		public static final String CASE_NUMBER = "caseNumber";

		/** 日常巡查 · 上午, for the cards. */
		public static final String CATEGORY = "category";

		public static final String ROUTE_NAME = "routeName";

		/** The group on duty that walks the route: the walk task's candidate group. */
		public static final String DUTY_GROUP = "dutyGroup";

		/** The round's day and its start and end times of day, in the estate's zone. */
		public static final String ROUND_DATE = "roundDate";

		public static final String START_TIME = "startTime";

		public static final String END_TIME = "endTime";

		public static final String CHECKPOINTS = "checkpoints";

		/** What was recorded when the round ran out of time, for the manager's form. */
		public static final String RECORDED = "recorded";

		public static final String DETAILS_PATH = "detailsPath";

		private Var() {
		}

	}

}
