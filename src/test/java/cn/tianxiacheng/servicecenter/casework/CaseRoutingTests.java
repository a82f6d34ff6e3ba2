package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.tianxiacheng.servicecenter.DecisionTable;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code CaseRouting.dmn} against the one list of categories ({@link CaseCategories}): the intake
 * form offers exactly that list, and every category, urgent or not, has a rule of its own (not the
 * catch-all for unknown categories) that sends it to a group receiving work.
 */
class CaseRoutingTests {

	static final String CATCH_ALL = "Rule_Unknown";

	static final List<String> matchedRules = new ArrayList<>();

	static DmnEngine engine;

	static DmnDecision routing;

	@BeforeAll
	static void parse() throws IOException {
		DecisionTable table = DecisionTable.parse("processes/CaseRouting.dmn", "CaseRouting", matchedRules);
		engine = table.engine();
		routing = table.decision();
	}

	@Test
	void shouldOfferInTheIntakeFormExactlyTheCategoriesOfTheApp() throws IOException {
		JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms/case-intake.form")));
		List<String> offered = form.findValues("components")
			.stream()
			.flatMap(components -> toList(components).stream())
			.filter(component -> "category".equals(component.path("key").asText()))
			.flatMap(component -> toList(component.path("values")).stream())
			.map(value -> value.path("value").asText())
			.toList();

		assertThat(offered).containsExactlyElementsOf(CaseCategories.ALL);
	}

	@Test
	void shouldRouteEveryCategoryByARuleOfItsOwnToAGroupThatReceivesWork() {
		List<String> working = Arrays.stream(StaffGroup.values())
			.filter(StaffGroup::receivesWork)
			.map(StaffGroup::id)
			.toList();
		for (String category : CaseCategories.ALL) {
			for (String urgency : List.of("URGENT", "NORMAL")) {
				matchedRules.clear();
				DmnDecisionRuleResult route = engine
					.evaluateDecisionTable(routing, Variables.putValue("category", category).putValue("urgency", urgency))
					.getSingleResult();

				assertThat(matchedRules).as("%s %s", category, urgency).hasSize(1).doesNotContain(CATCH_ALL);
				assertThat(working).as("%s %s", category, urgency).contains((String) route.getEntry("department"));
				assertThat((Integer) route.getEntry("firstResponseMinutes")).isPositive();
				assertThat((Integer) route.getEntry("resolutionHours")).isPositive();
			}
		}
	}

	@Test
	void shouldSendAnUnknownCategoryToReception() {
		matchedRules.clear();
		DmnDecisionRuleResult route = engine
			.evaluateDecisionTable(routing, Variables.putValue("category", "外星人").putValue("urgency", "NORMAL"))
			.getSingleResult();

		assertThat(matchedRules).containsExactly(CATCH_ALL);
		assertThat((String) route.getEntry("department")).isEqualTo("reception");
	}

	private static List<JsonNode> toList(JsonNode array) {
		List<JsonNode> nodes = new ArrayList<>();
		array.forEach(nodes::add);
		return nodes;
	}

}
