package cn.tianxiacheng.servicecenter.decoration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.EstateRuleTables;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.springframework.stereotype.Component;

/**
 * Asks {@code DecorationReview.dmn} what an application needs: the documents to bring, whether
 * the manager reviews it, and the rules that refuse it. The table is the engine's, evaluated as
 * the system: the estate's own when it has deployed one, the company's otherwise, the same one the
 * process evaluates again when the papers are complete.
 */
@Component
class DecorationRules {

	record Requirements(List<String> documents, boolean managerReview, List<String> refusals) {
	}

	private final DecisionService decisionService;

	private final EstateRuleTables ruleTables;

	private final EngineAsSystem asSystem;

	DecorationRules(DecisionService decisionService, EstateRuleTables ruleTables, EngineAsSystem asSystem) {
		this.decisionService = decisionService;
		this.ruleTables = ruleTables;
		this.asSystem = asSystem;
	}

	/** What the rules of the estate ({@code estate}: its code) say of the application. */
	Requirements evaluate(String estate, ApplicantRole role, Set<Scope> scope) {
		String tenant = ruleTables.tenantOf(estate, DecorationApprovalProcess.DECISION);
		DmnDecisionResult result = asSystem.call(() -> {
			DecisionsEvaluationBuilder table = decisionService.evaluateDecisionByKey(DecorationApprovalProcess.DECISION);
			return (tenant == null ? table.decisionDefinitionWithoutTenantId() : table.decisionDefinitionTenantId(tenant))
				.variables(inputs(role, scope))
				.evaluate();
		});
		return new Requirements(present(result.collectEntries("document")),
				result.<String>collectEntries("review").contains("manager"), present(result.collectEntries("refusal")));
	}

	/** The table's inputs, which the process carries too: the applicant's role and a flag per scope. */
	static Map<String, Object> inputs(ApplicantRole role, Set<Scope> scope) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put(DecorationApprovalProcess.Var.APPLICANT_ROLE, role.name());
		for (Scope each : Scope.values()) {
			inputs.put(each.variable(), scope.contains(each));
		}
		return inputs;
	}

	private static List<String> present(List<String> entries) {
		return entries.stream().filter(Objects::nonNull).distinct().toList();
	}

}
