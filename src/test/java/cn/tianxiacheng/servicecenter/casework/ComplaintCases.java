package cn.tianxiacheng.servicecenter.casework;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.TianxiachengStaff;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.context.TestComponent;

/**
 * Whole complaint cases driven through the application's services as staff, for the benchmarks
 * ({@code @Import} it): registered through {@link CaseIntake}, routed by the table, the first
 * response dispatches it, the department handles it, the owner confirms, the return visit's
 * timer is executed and the visit recorded. Every claim and completion carries the staff
 * member's authentication, so the engine guard, form field checks, authorizations, task
 * listeners and the case journal all run.
 */
@TestComponent
class ComplaintCases {

	private static final Map<String, String> USER_OF_GROUP = Map.of("reception", "receptionist", "cleaning", "cleaner",
			"engineering", "engineer", "security", "guard", "manager", "manager");

	private final CaseIntake intake;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	private final Households households;

	private final Staff reception;

	private volatile List<String> units;

	ComplaintCases(CaseIntake intake, RuntimeService runtimeService, TaskService taskService,
			ManagementService managementService, IdentityService identityService, Households households,
			EstateDirectory estates) {
		this.reception = TianxiachengStaff.of(estates, "receptionist", StaffGroup.RECEPTION);
		this.intake = intake;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.identityService = identityService;
		this.households = households;
	}

	/** The occupied units' numbers, the cases' units in turn. */
	List<String> units() {
		if (units == null) {
			units = households.occupied().stream().map(Households.OccupiedUnit::number).toList();
		}
		return units;
	}

	/** 投诉 number {@code n}: registered, dispatched, handled, confirmed, closed and visited; its case number. */
	String drive(int n) {
		List<String> units = units();
		ServiceCase complaint = intake.register(new CaseIntake.Registration(UUID.randomUUID().toString(),
				CaseType.COMPLAINT, units.get(n % units.size()), "钱女士", "13812345678", Channel.PHONE, "环境卫生",
				Urgency.NORMAL, "楼道垃圾未清运"), reception);
		String instance = complaint.getProcessInstanceId();
		work(instance, vars("decision", "DISPATCH", "opinion", "已联系环境部"));
		work(instance, vars("opinion", "已清运"));
		work(instance, vars("ownerConfirmed", true, "opinion", "业主确认已处理"));
		String visit = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(complaint.getCaseNumber()))
			.singleResult()
			.getId();
		managementService.executeJob(managementService.createJobQuery().processInstanceId(visit).singleResult().getId());
		work(visit, vars("reached", true, ReturnVisitProcess.SATISFACTION, 5L, "opinion", "满意"));
		return complaint.getCaseNumber();
	}

	/** Claims and completes the instance's one open task as a member of its candidate group, as Tasklist does. */
	private void work(String processInstanceId, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		String group = taskService.getIdentityLinksForTask(task.getId()).stream()
			.filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
		String user = USER_OF_GROUP.get(group);
		identityService.setAuthentication(user, List.of(group));
		try {
			taskService.claim(task.getId(), user);
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	private static Map<String, Object> vars(Object... keysAndValues) {
		Map<String, Object> variables = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return variables;
	}

}
