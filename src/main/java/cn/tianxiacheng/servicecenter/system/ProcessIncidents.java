package cn.tianxiacheng.servicecenter.system;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * 需处理的异常: steps that failed and stopped their case (a bill that could not be issued, a
 * decision that did not count), in words staff read: which case, which step, why, since when.
 * Read from the engine as the system; the manager sees them all, a case page its own.
 */
@Component
@NamedInterface("engine")
public class ProcessIncidents {

	@NamedInterface("engine")
	public record Problem(String caseNumber, String process, String step, String reason, Date since,
			String processInstanceId) {
	}

	private final RuntimeService runtimeService;

	private final RepositoryService repositoryService;

	private final EngineAsSystem asSystem;

	ProcessIncidents(RuntimeService runtimeService, RepositoryService repositoryService, EngineAsSystem asSystem) {
		this.runtimeService = runtimeService;
		this.repositoryService = repositoryService;
		this.asSystem = asSystem;
	}

	/** Every open incident of the viewer's estate, newest first: for the manager (and the administrator). */
	public List<Problem> all(Staff viewer) {
		viewer.require("只有经理可以查看需处理的异常", StaffGroup.MANAGER, StaffGroup.ADMIN);
		return ofEstate(viewer).stream().map(this::problem).toList();
	}

	/** The open incidents of one process instance (a case page shows its own). */
	public List<Problem> of(String processInstanceId) {
		if (processInstanceId == null) {
			return List.of();
		}
		return asSystem.call(() -> runtimeService.createIncidentQuery().processInstanceId(processInstanceId).list())
			.stream()
			.map(this::problem)
			.toList();
	}

	public long count(Staff viewer) {
		return ofEstate(viewer).size();
	}

	private List<Incident> ofEstate(Staff viewer) {
		String tenant = TenantScope.of(viewer);
		return asSystem.call(() -> runtimeService.createIncidentQuery().orderByIncidentTimestamp().desc().list())
			.stream()
			.filter(incident -> TenantScope.shows(incident.getTenantId(), tenant))
			.toList();
	}

	private Problem problem(Incident incident) {
		return asSystem.call(() -> {
			ProcessDefinition definition = repositoryService.getProcessDefinition(incident.getProcessDefinitionId());
			ProcessInstance instance = runtimeService.createProcessInstanceQuery()
				.processInstanceId(incident.getProcessInstanceId())
				.singleResult();
			FlowElement step = repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementById(incident.getActivityId());
			return new Problem(instance == null ? null : instance.getBusinessKey(), definition.getName(),
					step == null ? incident.getActivityId() : step.getName(), reason(incident.getIncidentMessage()),
					incident.getIncidentTimestamp(), incident.getProcessInstanceId());
		});
	}

	/** The app's own reasons are Chinese sentences; anything else is a fault for the administrator. */
	private static String reason(String message) {
		if (message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return message;
		}
		return "系统处理出错，请联系系统管理员在流程监控（Cockpit）中查看并重试";
	}

}
