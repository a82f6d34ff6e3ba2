package cn.tianxiacheng.servicecenter.inspection;

/** {@code InspectionScheduleProcess} (巡查排班): opens the rounds of today and tomorrow, on a timer. */
final class InspectionScheduleProcess {

	public static final String KEY = "InspectionScheduleProcess";

	public static final String OPEN_ROUNDS = "Task_OpenRounds";

	private InspectionScheduleProcess() {
	}

}
