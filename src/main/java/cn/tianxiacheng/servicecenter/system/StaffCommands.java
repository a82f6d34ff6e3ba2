package cn.tianxiacheng.servicecenter.system;

import java.util.Set;

import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What a staff member may ask of the engine, by command: reading anything their authorizations
 * allow, and the few commands of the daily work in Tasklist. Everything else (job execution,
 * retries, messages, signals, instance modification, deployments, identity and authorization
 * changes…) is the system's or the administrator's. An allow-list: a command the engine gains
 * in a later version is refused until it is named here.
 */
final class StaffCommands {

	/** Reads whose names do not say so. */
	private static final Set<String> OTHER_READS = Set.of("AuthorizationCheckCmd", "CheckPassword",
			"IsIdentityServiceReadOnlyCmd", "DetermineHistoryLevelCmd", "IsTelemetryEnabledCmd",
			"HistoricProcessInstanceReportImpl", "HistoricTaskInstanceReportImpl", "TaskReportImpl",
			"MetricsQueryImpl", "TablePageQueryImpl");

	/** The work of Tasklist: claim, complete, start from a start form, comment, one's own profile. */
	static final Set<String> WORK = Set.of("ClaimTaskCmd", "CompleteTaskCmd", "SubmitTaskFormCmd",
			"SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd", "StartProcessInstanceCmd",
			"SubmitStartFormCmd", "AssignTaskCmd", "AddCommentCmd", "SaveUserCmd");

	/**
	 * Reads of failures' stack traces: they carry SQL and the application's internals, for the
	 * administrator (staff see the failure's Chinese summary).
	 */
	private static final Set<String> ADMINISTRATORS_READS = Set.of("GetJobExceptionStacktraceCmd",
			"GetHistoricJobLogExceptionStacktraceCmd", "GetExternalTaskErrorDetailsCmd",
			"GetHistoricExternalTaskLogErrorDetailsCmd");

	private StaffCommands() {
	}

	static boolean isRead(Command<?> command) {
		if (ADMINISTRATORS_READS.contains(command.getClass().getSimpleName())) {
			return false;
		}
		if (command instanceof AbstractQuery<?, ?> || command instanceof AbstractNativeQuery<?, ?>) {
			return true;
		}
		String name = command.getClass().getSimpleName();
		return name.startsWith("Get") || name.startsWith("Find") || name.startsWith("ExecuteFilter")
				|| name.endsWith("QueryCmd") || OTHER_READS.contains(name);
	}

	static boolean isWork(Command<?> command) {
		return WORK.contains(command.getClass().getSimpleName());
	}

	/** Commands of the engine itself; the application's own commands are its own business. */
	static boolean isEngines(Command<?> command) {
		return command.getClass().getName().startsWith("org.camunda.");
	}

}
