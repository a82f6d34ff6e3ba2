package cn.tianxiacheng.servicecenter.casework;

/**
 * {@code ComplaintProcess} (投诉): key and element ids.
 */
public final class ComplaintProcess {

	public static final String KEY = "ComplaintProcess";

	private ComplaintProcess() {
	}

	public static final class Element {

		public static final String COMPLAINT_RECEIVED = "StartEvent_ComplaintReceived";

		public static final String REGISTER_CASE = "Task_RegisterCase";

		public static final String ROUTE_CASE = "Task_RouteCase";

		public static final String FIRST_RESPONSE = "Task_FirstResponse";

		public static final String RESPONSE_OVERDUE = "BoundaryEvent_ResponseOverdue";

		public static final String DEPARTMENT_HANDLES = "Task_DepartmentHandles";

		public static final String RESOLUTION_OVERDUE = "BoundaryEvent_ResolutionOverdue";

		public static final String CONFIRM_RESOLUTION = "Task_ConfirmResolution";

		public static final String MANAGER_HANDLES = "Task_ManagerHandles";

		public static final String CLOSE_CASE = "Task_CloseCase";

		public static final String COMPLAINT_CLOSED = "EndEvent_ComplaintClosed";

		private Element() {
		}

	}

}
