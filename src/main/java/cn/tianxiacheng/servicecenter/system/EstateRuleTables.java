package cn.tianxiacheng.servicecenter.system;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Rules per estate: a process asks for its estate's own rule table, a decision deployed with the
 * estate's tenant id (Cockpit or {@code /engine-rest/deployment/create} with {@code tenant-id}), and
 * gets the company's shared table while the estate has none. Called by expression from the business
 * rule tasks: {@code camunda:decisionRefTenantId="${ruleTables.tenantOf(execution, 'CaseRouting')}"}.
 */
@Component("ruleTables")
@NamedInterface("engine")
public class EstateRuleTables {

	private final RepositoryService repositoryService;

	private final EngineAsSystem asSystem;

	EstateRuleTables(RepositoryService repositoryService, EngineAsSystem asSystem) {
		this.repositoryService = repositoryService;
		this.asSystem = asSystem;
	}

	/** The tenant whose table decides for this execution: its estate's if it has one, else none (shared). */
	public String tenantOf(DelegateExecution execution, String decisionKey) {
		return tenantOf(execution.getTenantId(), decisionKey);
	}

	/** The same for code that evaluates the table itself, for the estate of that code (none: shared). */
	public String tenantOf(String estate, String decisionKey) {
		if (estate == null) {
			return null;
		}
		long own = asSystem.call(() -> repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey(decisionKey)
			.tenantIdIn(estate)
			.count());
		return own > 0 ? estate : null;
	}

}
