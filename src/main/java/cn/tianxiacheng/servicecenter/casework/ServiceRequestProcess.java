package cn.tianxiacheng.servicecenter.casework;

/**
 * {@code ServiceRequestProcess} (服务预约/报修): key and element ids.
 */
final class ServiceRequestProcess {

	public static final String KEY = "ServiceRequestProcess";

	private ServiceRequestProcess() {
	}

	public static final class Element {

		public static final String REQUEST_RECEIVED = "StartEvent_RequestReceived";

		public static final String REGISTER_CASE = "Task_RegisterCase";

		public static final String ROUTE_CASE = "Task_RouteCase";

		public static final String SCHEDULE_APPOINTMENT = "Task_ScheduleAppointment";

		public static final String APPOINTMENT_OVERDUE = "BoundaryEvent_AppointmentOverdue";

		public static final String CHASE_APPOINTMENT = "Task_ChaseAppointment";

		public static final String DO_WORK = "Task_DoWork";

		public static final String WORK_OVERDUE = "BoundaryEvent_WorkOverdue";

		public static final String CHASE_WORK = "Task_ChaseWork";

		public static final String PARTS_ARRIVE = "Event_PartsArrive";

		public static final String ISSUE_REPAIR_BILL = "Task_IssueRepairBill";

		public static final String CONFIRM_WITH_OWNER = "Task_ConfirmWithOwner";

		public static final String CLOSE_CASE = "Task_CloseCase";

		public static final String REQUEST_CLOSED = "EndEvent_RequestClosed";

		private Element() {
		}

	}

}
