package cn.tianxiacheng.servicecenter.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.casework.RepairArrivals;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.fee.BillPeriods;
import cn.tianxiacheng.servicecenter.fee.Compensations;
import cn.tianxiacheng.servicecenter.fee.LedgerReports;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import cn.tianxiacheng.servicecenter.system.TenantScope;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * A case's whole story on one page: every step the engine recorded (activities with their times,
 * each task's group, who claimed and completed it, how long it waited and was worked, whether it
 * was overdue; timers fired; rule decisions with their inputs and output; the values recorded;
 * the user operation log), merged in time order with the app's own records of the case (its bills
 * and the payments that covered them, compensations, engineers' arrivals, reads of personal data in clear). Names
 * are shown as the personal-data rule allows the viewer.
 */
@Component
class CaseStory {

	/** Engine bookkeeping that tells the auditor nothing. */
	private static final Set<String> QUIET_VARIABLES = Set.of("recentSteps", "chargeItemOptions", "chargeItemPrices", "appointmentLabel",
			"urgencyLabel", "detailsPath");

	/** What the operation log records of a task, in words; {@code delete} (the task ended) is the operation itself. */
	private static final Map<String, String> PROPERTIES = Map.of("assignee", "办理人", "owner", "负责人", "dueDate", "期限",
			"followUpDate", "跟进日期", "priority", "优先级", "retries", "重试次数", "name", "名称", "description", "说明",
			"suspensionState", "状态");

	private static final Set<String> TIME_PROPERTIES = Set.of("dueDate", "followUpDate");

	/**
	 * Names that processes started before they carried record ids only kept as variables: their
	 * history still holds them.
	 */
	private static final Set<String> NAME_VARIABLES = Set.of("contactName", "ownerNames");

	private static final Set<String> QUIET_ACTIVITIES = Set.of("sequenceFlow", "parallelGateway", "inclusiveGateway",
			"multiInstanceBody");

	record Entry(Instant at, String actor, String actorName, String kind, String kindLabel, String activityId,
			String name, String details) {
	}

	record Story(String caseNumber, String processInstanceId, String processDefinitionId, String kindName,
			String unitNumber, String stateLabel, Instant startedAt, Instant endedAt, List<Entry> entries,
			Set<String> visited, Set<String> current) {

		/** The number as staff read it (a billing run's in words). */
		public String numberLabel() {
			return BillPeriods.ofBusinessKey(caseNumber);
		}

	}

	private final HistoryService historyService;

	private final AuditSearch search;

	private final StaffNames staffNames;

	private final VariableLabels labels;

	private final LedgerReports ledgerReports;

	private final Compensations compensations;

	private final RepairArrivals arrivals;

	private final PersonalDataPolicy personalData;

	CaseStory(HistoryService historyService, AuditSearch search, StaffNames staffNames, VariableLabels labels,
			LedgerReports ledgerReports, Compensations compensations, RepairArrivals arrivals,
			PersonalDataPolicy personalData) {
		this.personalData = personalData;
		this.historyService = historyService;
		this.search = search;
		this.staffNames = staffNames;
		this.labels = labels;
		this.ledgerReports = ledgerReports;
		this.compensations = compensations;
		this.arrivals = arrivals;
	}

	/** The story of a case of the viewer's estate: one of another estate answers as one that does not exist. */
	Story of(String caseNumber, Staff viewer) {
		String tenantId = TenantScope.of(viewer);
		PersonalDataMask mask = personalData.forList(viewer);
		HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.orderByProcessInstanceStartTime()
			.desc()
			.list()
			.stream()
			.filter(p -> p.getSuperProcessInstanceId() == null && TenantScope.shows(p.getTenantId(), tenantId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有编号为 " + caseNumber + " 的案件"));
		String id = instance.getId();
		List<Entry> entries = new ArrayList<>();
		Set<String> visited = new LinkedHashSet<>();
		Set<String> current = new LinkedHashSet<>();
		Map<String, HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
			.processInstanceId(id)
			.list()
			.stream()
			.collect(Collectors.toMap(HistoricTaskInstance::getId, t -> t));
		for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
			.processInstanceId(id)
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.orderPartiallyByOccurrence()
			.asc()
			.list()) {
			visited.add(activity.getActivityId());
			if (activity.getEndTime() == null) {
				current.add(activity.getActivityId());
			}
			if (!QUIET_ACTIVITIES.contains(activity.getActivityType())) {
				entries.add(entryOf(activity, tasks.get(activity.getTaskId())));
			}
		}
		for (HistoricDetail detail : historyService.createHistoricDetailQuery()
			.processInstanceId(id)
			.variableUpdates()
			.orderByTime()
			.asc()
			.list()) {
			HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
			if (!QUIET_VARIABLES.contains(update.getVariableName()) && update.getValue() != null) {
				String value = NAME_VARIABLES.contains(update.getVariableName()) ? names(update.getValue(), mask)
						: labels.valueOf(update.getVariableName(), update.getValue());
				entries.add(entry(detail.getTime(), null, "VARIABLE", "记录", null, labels.of(update.getVariableName()),
						shorten(value)));
			}
		}
		Map<String, List<UserOperationLogEntry>> operations = historyService.createUserOperationLogQuery()
			.processInstanceId(id)
			.list()
			.stream()
			.collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, LinkedHashMap::new, Collectors.toList()));
		for (List<UserOperationLogEntry> operation : operations.values()) {
			UserOperationLogEntry first = operation.get(0);
			String changes = operation.stream()
				.filter(e -> PROPERTIES.containsKey(e.getProperty()))
				.map(e -> PROPERTIES.get(e.getProperty()) + "：" + (e.getNewValue() == null ? "（清空）"
						: shorten(propertyValue(e.getProperty(), e.getNewValue()))))
				.collect(Collectors.joining("，"));
			entries.add(entry(first.getTimestamp(), first.getUserId(), "OPERATION", "操作记录", null,
					operationLabel(first.getOperationType()), changes));
		}
		appRecords(caseNumber, viewer.estateId(), entries);
		entries.sort(Comparator.comparing(Entry::at));
		AuditSearch.Row row = search.find(tenantId, new AuditSearch.Criteria(caseNumber, instance.getProcessDefinitionKey(), null,
				null, null, null, null, false, false, null), 0, 50)
			.rows()
			.stream()
			.filter(r -> r.processInstanceId().equals(id))
			.findFirst()
			.orElse(null);
		return new Story(caseNumber, id, instance.getProcessDefinitionId(),
				row == null ? instance.getProcessDefinitionName() : row.kindName(), row == null ? null : row.unitNumber(),
				AuditSearch.stateLabel(instance.getState()), instance.getStartTime().toInstant(),
				instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), entries, visited, current);
	}

	private Entry entryOf(HistoricActivityInstance activity, HistoricTaskInstance task) {
		String type = activity.getActivityType();
		if (task != null) {
			return taskEntry(activity, task);
		}
		if (type.endsWith("Timer")) {
			return entry(activity.getStartTime(), null, "TIMER", "定时触发", activity.getActivityId(), activity.getActivityName(),
					"到时，流程按超时路径继续");
		}
		if ("businessRuleTask".equals(type)) {
			String decisions = historyService.createHistoricDecisionInstanceQuery()
				.activityInstanceIdIn(activity.getId())
				.includeInputs()
				.includeOutputs()
				.list()
				.stream()
				.map(this::decisionText)
				.collect(Collectors.joining("；"));
			return entry(activity.getStartTime(), null, "DECISION", "规则判定", activity.getActivityId(),
					activity.getActivityName(), decisions);
		}
		if ("startEvent".equals(type) || type.endsWith("StartEvent")) {
			return entry(activity.getStartTime(), null, "STARTED", "开始", activity.getActivityId(), activity.getActivityName(),
					"");
		}
		if (type.endsWith("EndEvent") || "noneEndEvent".equals(type)) {
			return entry(activity.getStartTime(), null, "ENDED", "结束", activity.getActivityId(), activity.getActivityName(), "");
		}
		String took = activity.getEndTime() == null ? "进行中" : "用时 " + minutes(activity.getStartTime(), activity.getEndTime());
		return entry(activity.getStartTime(), null, "ACTIVITY", "系统步骤", activity.getActivityId(), activity.getActivityName(),
				took);
	}

	private Entry taskEntry(HistoricActivityInstance activity, HistoricTaskInstance task) {
		List<HistoricIdentityLinkLog> links = historyService.createHistoricIdentityLinkLogQuery().taskId(task.getId()).list();
		String groups = links.stream()
			.filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null && "add".equals(l.getOperationType()))
			.map(l -> StaffGroup.labelOf(l.getGroupId()))
			.distinct()
			.collect(Collectors.joining("、"));
		Date claimed = links.stream()
			.filter(l -> "assignee".equals(l.getType()) && "add".equals(l.getOperationType()))
			.map(HistoricIdentityLinkLog::getTime)
			.min(Date::compareTo)
			.orElse(null);
		StringBuilder details = new StringBuilder();
		details.append("候选：").append(groups.isEmpty() ? "—" : groups);
		if (claimed != null) {
			details.append("；").append(staffNames.of(task.getAssignee())).append(" 领取（等待 ")
				.append(minutes(task.getStartTime(), claimed)).append("）");
		}
		if (task.getEndTime() != null) {
			details.append("；完成")
				.append(claimed == null ? "" : "（办理 " + minutes(claimed, task.getEndTime()) + "）");
		}
		else {
			details.append("；尚未完成");
		}
		Date reference = task.getEndTime() == null ? new Date() : task.getEndTime();
		if (task.getDueDate() != null && reference.after(task.getDueDate())) {
			details.append("；已逾期（应于 ").append(labels.valueOf(null, task.getDueDate())).append(" 前）");
		}
		if ("deleted".equals(task.getDeleteReason())) {
			details.append("；被超时或改派终止");
		}
		return entry(activity.getStartTime(), task.getAssignee(), "TASK", "人工任务", activity.getActivityId(),
				activity.getActivityName(), details.toString());
	}

	private void appRecords(String caseNumber, long estateId, List<Entry> entries) {
		for (LedgerReports.CaseBill bill : ledgerReports.billsOfCase(caseNumber)) {
			entries.add(entry(Date.from(bill.issuedAt()), bill.issuedBy(), "BILL", "账单", null, "开具账单",
					bill.description() + " " + bill.amount().toPlainString() + " 元"));
		}
		for (LedgerReports.CasePayment payment : ledgerReports.paymentsOfCase(caseNumber)) {
			entries.add(entry(Date.from(payment.receivedAt()), payment.receivedBy(), "PAYMENT", "收款", null,
					"收款 " + payment.receiptNumber(), payment.amount().toPlainString() + " 元"));
		}
		for (Compensations.Compensation compensation : compensations.ofCase(caseNumber)) {
			entries.add(entry(Date.from(compensation.grantedAt()), compensation.grantedBy(), "COMPENSATION", "补偿", null,
					compensation.kind() == Compensations.Kind.CREDIT ? "补偿（抵扣物业费）" : "补偿（现金赔付）",
					compensation.amount().toPlainString() + " 元"));
		}
		for (RepairArrivals.Arrival arrival : arrivals.ofCase(caseNumber)) {
			entries.add(entry(Date.from(arrival.at()), arrival.engineer(), "ARRIVAL", "到场签到", null, "到场签到",
					"按系统时间记录"));
		}
		for (PersonalDataPolicy.ClearRead read : personalData.readsOf(estateId, caseNumber)) {
			entries.add(entry(read.readAt(), read.readBy(), "PERSONAL_DATA_READ", "查看个人信息", null, "明文查看",
					read.fields() + "（" + read.purpose() + "）"));
		}
	}

	private Entry entry(Date at, String actor, String kind, String kindLabel, String activityId, String name,
			String details) {
		return new Entry(at.toInstant(), actor, actor == null ? "系统" : staffNames.of(actor), kind, kindLabel, activityId,
				name == null ? "" : name, details == null ? "" : details);
	}

	private static String names(Object value, PersonalDataMask mask) {
		return Arrays.stream(String.valueOf(value).split("、")).map(mask::name).collect(Collectors.joining("、"));
	}

	private String decisionText(HistoricDecisionInstance decision) {
		String inputs = decision.getInputs()
			.stream()
			.map(i -> (i.getClauseName() == null ? "条件" : i.getClauseName()) + "：" + labels.valueOf(null, i.getValue()))
			.collect(Collectors.joining("，"));
		String outputs = decision.getOutputs()
			.stream()
			.map(o -> (o.getClauseName() == null ? labels.of(o.getVariableName()) : o.getClauseName()) + "："
					+ labels.valueOf(o.getVariableName(), o.getValue()))
			.collect(Collectors.joining("，"));
		return decision.getDecisionDefinitionName() + "：" + inputs + " → " + outputs;
	}

	private String propertyValue(String property, String value) {
		if (TIME_PROPERTIES.contains(property)) {
			return labels.ofMillis(value);
		}
		return switch (value) {
			case "suspended" -> "挂起";
			case "active" -> "激活";
			default -> labels.valueOf(property, value);
		};
	}

	private static String operationLabel(String type) {
		return switch (type) {
			case "Claim" -> "领取任务";
			case "Complete" -> "完成任务";
			case "Assign", "SetOwner", "Delegate" -> "改派任务";
			case "SetVariable", "SetVariables", "ModifyVariable" -> "修改变量";
			case "RemoveVariable" -> "删除变量";
			case "Create" -> "发起";
			case "ModifyProcessInstance" -> "改动流程位置";
			case "Delete" -> "撤销";
			case "SuspendJob", "ActivateJob", "SetJobRetries", "Execute" -> "作业处理";
			case "Resolve" -> "解决任务";
			case "SetPriority" -> "修改优先级";
			case "Suspend" -> "挂起";
			case "Activate" -> "激活";
			case "DeleteHistory" -> "删除历史";
			default -> "其他操作";
		};
	}

	private static String minutes(Date from, Date to) {
		long minutes = Duration.between(from.toInstant(), to.toInstant()).toMinutes();
		return minutes < 60 ? minutes + " 分钟" : minutes / 60 + " 小时 " + minutes % 60 + " 分钟";
	}

	private static String shorten(String text) {
		return text.length() <= 120 ? text : text.substring(0, 120) + "…";
	}

}
