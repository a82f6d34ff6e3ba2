package cn.tianxiacheng.servicecenter;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * A decision of one of the project's DMN files, on a DMN engine of its own (no process engine)
 * that adds the id of every rule it matches to a collection the test reads.
 */
public record DecisionTable(DmnEngine engine, DmnDecision decision) {

	public static DecisionTable parse(String file, String decisionKey, Collection<String> matchedRules)
			throws IOException {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules()
			.stream()
			.map(DmnEvaluatedDecisionRule::getId)
			.forEach(matchedRules::add)));
		DmnEngine engine = configuration.buildEngine();
		try (InputStream table = new FileInputStream(file)) {
			return new DecisionTable(engine, engine.parseDecision(decisionKey, table));
		}
	}

}
