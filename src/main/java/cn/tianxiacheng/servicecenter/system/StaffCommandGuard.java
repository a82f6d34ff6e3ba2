package cn.tianxiacheng.servicecenter.system;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.security.access.AccessDeniedException;

/**
 * The engine's trust boundary. Every command that a staff member's request sends to the
 * engine passes here, whatever the surface ({@code /engine-rest}, the webapps' API, the app's
 * own code running as that member), inside the command's transaction and before it acts:
 * <ul>
 * <li>reading is free (Camunda's authorizations decide what may be read);</li>
 * <li>the auditor changes nothing;</li>
 * <li>other staff may only do Tasklist's work ({@link StaffCommands#WORK}): a process starts
 * only at its start event, a task takes only the fields its deployed form declares, and only
 * its assignee, a member of the group it was given to, completes it; an approval never by its
 * requester, a personal task only by its person ({@link FourEyes});</li>
 * <li>the rest (jobs, messages, signals, modifications, deployments…) is the system's and the
 * administrator's.</li>
 * </ul>
 * A refusal throws before the command runs, so it changes nothing: no retry is used, no
 * operation is logged. Refusals are not engine exceptions, so no REST resource rewords them:
 * {@link EngineErrorResponses} answers 403, 400, 404 or 409 with their Chinese message, and
 * {@link RefusalLog} logs each as one line. Commands run by the system (no authenticated user: the job executor,
 * the app acting as the system) and commands nested in another pass unchecked.
 */
class StaffCommandGuard extends CommandInterceptor {

	private static final String REFUSAL = "您的岗位不能在流程引擎中办理此操作";

	private static final int MAX_COMMENT = 2000;

	/** The engine's tenant check: "Cannot read the task … because it belongs to no authenticated tenant". */
	private static final String OTHER_TENANT = "ENGINE-13034";

	private final ThreadLocal<Boolean> inCommand = ThreadLocal.withInitial(() -> false);

	private final Map<String, FormFields> formsByDefinition = new ConcurrentHashMap<>();

	private final FourEyes fourEyes = new FourEyes();

	private final RefusalLog refusals;

	StaffCommandGuard(RefusalLog refusals) {
		this.refusals = refusals;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (inCommand.get()) {
			return next.execute(command);
		}
		inCommand.set(true);
		try {
			CommandContext context = Context.getCommandContext();
			Authentication caller = context.getAuthentication();
			boolean staff = caller != null && caller.getUserId() != null
					&& !StaffGroup.isAdministrator(caller.getGroupIds()) && StaffCommands.isEngines(command);
			if (staff) {
				try {
					check(command, context, caller);
				}
				catch (RuntimeException refusal) {
					EngineErrorResponses.recordRefusal(refusal);
					refusals.refused(caller.getUserId(), command.getClass().getSimpleName(), refusal.getMessage());
					throw refusal;
				}
			}
			if (staff && handsOnWithoutAssignRight(command, caller)) {
				return context.runWithoutAuthorization(() -> proceed(command, caller));
			}
			return proceed(command, caller);
		}
		finally {
			inCommand.remove();
		}
	}

	/**
	 * A listener or delegate that refuses bad input (such as an unknown charge item) is wrapped by
	 * the engine in exceptions of its own; the caller is still told the refusal's status and sentence.
	 * The engine's tenant check refuses a record of another estate with a server error: the caller is
	 * told what an unknown id tells, 404, and learns nothing of the record.
	 */
	private <T> T proceed(Command<T> command, Authentication caller) {
		try {
			return next.execute(command);
		}
		catch (RuntimeException failure) {
			if (caller != null && isOfAnotherTenant(failure)) {
				NotFoundException unknown = new NotFoundException(EngineErrorResponses.NOT_FOUND);
				EngineErrorResponses.recordRefusal(unknown);
				refusals.refused(caller.getUserId(), command.getClass().getSimpleName(), "a record of another estate");
				throw unknown;
			}
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof BadInputException || cause instanceof BusinessRuleException) {
					EngineErrorResponses.recordRefusal((RuntimeException) cause);
					if (caller != null) {
						refusals.refused(caller.getUserId(), command.getClass().getSimpleName(), cause.getMessage());
					}
					break;
				}
			}
			throw failure;
		}
	}

	private static boolean isOfAnotherTenant(RuntimeException failure) {
		return failure instanceof ProcessEngineException && failure.getMessage() != null
				&& failure.getMessage().startsWith(OTHER_TENANT);
	}

	private void check(Command<?> command, CommandContext context, Authentication caller) {
		if (StaffCommands.isRead(command)) {
			return;
		}
		if (StaffGroup.isReadOnly(caller.getGroupIds()) || !StaffCommands.isWork(command)) {
			throw new AccessDeniedException(REFUSAL);
		}
		switch (command.getClass().getSimpleName()) {
			case "StartProcessInstanceCmd" -> {
				ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
				refuseBusinessKey(builder.getBusinessKey());
				ProcessDefinitionEntity definition = context
					.runWithoutAuthorization(new GetDeployedProcessDefinitionCmd(builder, false));
				startForm(context, definition.getId()).check(orEmpty(builder.getVariables()), true, Map.of());
			}
			case "SubmitStartFormCmd" -> {
				refuseBusinessKey(field(command, "businessKey"));
				startForm(context, field(command, "processDefinitionId")).check(orEmpty(field(command, "variables")), true,
						Map.of());
			}
			case "CompleteTaskCmd" -> {
				TaskEntity task = workedTask(context, caller, field(command, "taskId"));
				taskForm(context, task).check(orEmpty(field(command, "variables")), true, task.getVariables());
			}
			case "SubmitTaskFormCmd" -> {
				TaskEntity task = workedTask(context, caller, field(command, "taskId"));
				taskForm(context, task).check(orEmpty(field(command, "properties")), true, task.getVariables());
			}
			case "SetTaskVariablesCmd" -> {
				TaskEntity task = workedTask(context, caller, field(command, "entityId"));
				taskForm(context, task).check(orEmpty(field(command, "variables")), false, task.getVariables());
			}
			case "PatchTaskVariablesCmd" -> {
				TaskEntity task = workedTask(context, caller, field(command, "entityId"));
				FormFields form = taskForm(context, task);
				form.check(orEmpty(field(command, "variables")), false, task.getVariables());
				Collection<String> deletions = field(command, "deletions");
				form.checkRemovable(deletions == null ? List.of() : deletions);
			}
			case "RemoveTaskVariablesCmd" -> taskForm(context, workedTask(context, caller, field(command, "entityId")))
				.checkRemovable(field(command, "variableNames"));
			case "ClaimTaskCmd" -> checkClaim(context, caller, field(command, "taskId"), field(command, "userId"));
			case "SaveUserCmd" -> {
				User user = field(command, "user");
				if (user == null || !caller.getUserId().equals(user.getId())) {
					throw new AccessDeniedException("只能修改自己的资料");
				}
			}
			case "AddCommentCmd" -> {
				checkComment(context, caller, field(command, "taskId"));
				checkCommentText(field(command, "message"));
			}
			case "AssignTaskCmd" -> checkHandOn(context, caller, field(command, "taskId"), field(command, "userId"));
			default -> {
			}
		}
	}

	/** Business keys are the numbers the application gives its cases. */
	private static void refuseBusinessKey(String businessKey) {
		if (businessKey != null && !businessKey.isBlank()) {
			throw new BadInputException("业务编号由系统生成，请留空");
		}
	}

	/**
	 * The task a staff member completes or fills in: it exists, it is theirs (claimed), and they
	 * belong to the group it was given to, so a decision counts only when that group made it.
	 */
	private TaskEntity workedTask(CommandContext context, Authentication caller, String taskId) {
		TaskEntity task = existingTask(context, taskId);
		List<String> groups = candidateGroups(task);
		if (!groups.isEmpty() && groups.stream().noneMatch(caller.getGroupIds()::contains)) {
			throw new AccessDeniedException("此任务只能由" + String.join("、", StaffGroup.labels(groups)) + "办理");
		}
		if (task.getAssignee() == null) {
			throw new AccessDeniedException("请先领取此任务，再办理");
		}
		if (!task.getAssignee().equals(caller.getUserId())) {
			throw new ConflictException("此任务已由其他人领取");
		}
		fourEyes.checkWorker(context, task, caller.getUserId());
		return task;
	}

	/** One claims for oneself, and gives back only what one holds (the manager reassigns in Tasklist). */
	private void checkClaim(CommandContext context, Authentication caller, String taskId, String userId) {
		TaskEntity task = existingTask(context, taskId);
		if (userId != null && !userId.equals(caller.getUserId())) {
			throw new AccessDeniedException("只能为自己领取任务");
		}
		if (userId == null && task.getAssignee() != null && !task.getAssignee().equals(caller.getUserId())
				&& !caller.getGroupIds().contains(StaffGroup.MANAGER.id())) {
			throw new AccessDeniedException("只能退回自己领取的任务");
		}
		fourEyes.checkHandedTo(context, task, userId);
	}

	/**
	 * A task is handed on ({@link StaffGroup#mayHandOn}: the manager, the lead of its group, its holder)
	 * to a member of the groups it was given to who works in its estate, or back to their queue; the model
	 * says who else may not take it ({@link FourEyes}).
	 */
	private void checkHandOn(CommandContext context, Authentication caller, String taskId, String userId) {
		TaskEntity task = existingTask(context, taskId);
		List<String> groups = candidateGroups(task);
		if (!StaffGroup.mayHandOn(caller.getUserId(), caller.getGroupIds(), task.getAssignee(), groups)) {
			throw new AccessDeniedException("只有服务中心经理、本岗位主管或任务的办理人可以转交任务");
		}
		fourEyes.checkHandedTo(context, task, userId);
		if (userId != null && !groups.isEmpty() && !isMember(context, userId, groups)) {
			throw new BadInputException("转交给：只能转交给此任务所属岗位（" + String.join("、", StaffGroup.labels(groups)) + "）的人员");
		}
		if (userId != null && task.getTenantId() != null && !worksIn(context, userId, task.getTenantId())) {
			throw new BadInputException("转交给：只能转交给在本项目工作的人员");
		}
	}

	/** A 区域经理 of another region is in the task's group, but could neither see nor complete it there. */
	private static boolean worksIn(CommandContext context, String userId, String tenantId) {
		return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
			.createTenantQuery()
			.tenantId(tenantId)
			.userMember(userId)
			.includingGroupsOfUser(true)
			.count() > 0);
	}

	private static boolean isMember(CommandContext context, String userId, List<String> groups) {
		return context.runWithoutAuthorization(() -> groups.stream()
			.anyMatch(group -> context.getReadOnlyIdentityProvider()
				.createUserQuery()
				.userId(userId)
				.memberOfGroup(group)
				.count() > 0));
	}

	/**
	 * Camunda lets only holders of {@code TASK_ASSIGN} (the manager) hand a task on; the lead of its
	 * group and its holder may too, as {@link #checkHandOn} checked: for them the command runs without
	 * Camunda's own check, and Camunda still logs who did it.
	 */
	private static boolean handsOnWithoutAssignRight(Command<?> command, Authentication caller) {
		return "AssignTaskCmd".equals(command.getClass().getSimpleName())
				&& !caller.getGroupIds().contains(StaffGroup.MANAGER.id());
	}

	/**
	 * Camunda checks nothing on comments: one comments on the tasks of one's estate and groups (the manager
	 * on any of the estate).
	 */
	private void checkComment(CommandContext context, Authentication caller, String taskId) {
		TaskEntity task = existingTask(context, taskId);
		if (caller.getGroupIds().contains(StaffGroup.MANAGER.id())) {
			return;
		}
		boolean ours = caller.getUserId().equals(task.getAssignee())
				|| candidateGroups(task).stream().anyMatch(caller.getGroupIds()::contains);
		if (!ours) {
			throw new AccessDeniedException("只能在本岗位的任务上添加备注");
		}
	}

	private static void checkCommentText(String message) {
		if (message == null || message.isBlank() || message.length() > MAX_COMMENT) {
			throw new BadInputException("备注不能为空，最多 " + MAX_COMMENT + " 个字");
		}
		PlainText.check("备注", message);
	}

	/** The task named, of the caller's estate: one of another estate is not found, as if it did not exist. */
	private static TaskEntity existingTask(CommandContext context, String taskId) {
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		if (task != null && context.getTenantManager().isAuthenticatedTenant(task.getTenantId())) {
			return task;
		}
		HistoricTaskInstanceEntity ended = task != null || taskId == null ? null
				: context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
		if (ended != null && context.getTenantManager().isAuthenticatedTenant(ended.getTenantId())) {
			throw new ConflictException("此任务已经办理完毕");
		}
		throw new NotFoundException("没有找到此任务");
	}

	private static List<String> candidateGroups(TaskEntity task) {
		return task.getIdentityLinks()
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLinkEntity::getGroupId)
			.filter(Objects::nonNull)
			.toList();
	}

	private FormFields taskForm(CommandContext context, TaskEntity task) {
		return formsByDefinition.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
				key -> read(context, new GetDeployedTaskFormCmd(task.getId())));
	}

	/** Staff start from Tasklist only what has a start form; the app starts the rest as the system. */
	private FormFields startForm(CommandContext context, String processDefinitionId) {
		FormFields form = formsByDefinition.computeIfAbsent(processDefinitionId,
				key -> read(context, new GetDeployedStartFormCmd(processDefinitionId)));
		if (form == FormFields.NONE) {
			throw new AccessDeniedException("此流程由系统按业务登记自动发起，不能直接发起");
		}
		return form;
	}

	private FormFields read(CommandContext context, Command<InputStream> deployedForm) {
		InputStream form;
		try {
			form = context.runWithoutAuthorization(deployedForm);
		}
		catch (BadUserRequestException noForm) {
			return FormFields.NONE;
		}
		return FormFields.parse(form);
	}

	/** The values sent, none if null; a text with control characters is refused whatever the form says. */
	private static Map<String, ?> orEmpty(Map<String, ?> variables) {
		if (variables == null) {
			return Map.of();
		}
		variables.forEach((name, value) -> {
			Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
			if (plain instanceof String text) {
				PlainText.check(name, text);
			}
		});
		return variables;
	}

	/** A field of an engine command (Camunda 7.24): the commands keep their arguments to themselves. */
	@SuppressWarnings("unchecked")
	static <V> V field(Object command, String name) {
		for (Class<?> type = command.getClass(); type != Object.class; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				return (V) field.get(command);
			}
			catch (NoSuchFieldException notHere) {
				// look in the superclass
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
	}

}
