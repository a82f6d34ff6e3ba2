package cn.tianxiacheng.servicecenter.decoration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.tianxiacheng.servicecenter.DecisionTable;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code DecorationReview.dmn} row by row, on its own: for each row, the application that
 * triggers it, and what the table then asks (documents, reviews, refusals). Every row is
 * triggered by some case.
 */
class DecorationReviewTests {

	static final List<String> ALWAYS = List.of("房屋所有权证明或购房合同（复印件）", "装修施工方案及平面图", "装修企业营业执照及资质证书（复印件）");

	static final Set<String> MATCHED_RULES = new HashSet<>();

	static DmnDecision decision;

	static DmnEngine engine;

	@BeforeAll
	static void parse() throws IOException {
		DecisionTable table = DecisionTable.parse("processes/DecorationReview.dmn", DecorationApprovalProcess.DECISION, MATCHED_RULES);
		engine = table.engine();
		decision = table.decision();
	}

	@AfterAll
	static void everyRowWasTriggered() {
		List<String> rows = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()
			.stream()
			.map(DmnDecisionTableRuleImpl::getId)
			.toList();
		assertThat(rows).hasSize(18);
		assertThat(MATCHED_RULES).containsExactlyInAnyOrderElementsOf(rows);
	}

	static Stream<Arguments> rows() {
		return Stream.of(
				row("Always_* (业主的一般装修)", ApplicantRole.OWNER, EnumSet.noneOf(Scope.class), List.of(), false, null),
				row("NotOwner_Consent (租户)", ApplicantRole.TENANT, EnumSet.noneOf(Scope.class), List.of("业主同意装修的书面证明"),
						false, null),
				row("NotOwner_Consent (代理人)", ApplicantRole.AGENT, EnumSet.noneOf(Scope.class),
						List.of("业主同意装修的书面证明"), false, null),
				row("Structural_Design", ApplicantRole.OWNER, EnumSet.of(Scope.STRUCTURAL_CHANGE),
						List.of("原设计单位或具有相应资质的设计单位出具的设计方案"), false, null),
				row("LoadBearing_Refused", ApplicantRole.OWNER, EnumSet.of(Scope.LOAD_BEARING_WALL), List.of(), false,
						"第五条"),
				row("Facade_Refused", ApplicantRole.OWNER, EnumSet.of(Scope.FACADE_CHANGE), List.of(), false, "第六条"),
				row("Waterproofing_Plan, Waterproofing_Test", ApplicantRole.OWNER, EnumSet.of(Scope.WATERPROOFING),
						List.of("防水施工方案", "闭水试验记录（蓄水不少于 48 小时）"), false, null),
				row("GasHeating_Approval", ApplicantRole.OWNER, EnumSet.of(Scope.GAS_HEATING), List.of("燃气或供热管理单位的批准文件"),
						false, null),
				row("Electrical_Plan", ApplicantRole.OWNER, EnumSet.of(Scope.ELECTRICAL_REWIRING),
						List.of("电气线路改造图及电工上岗证（复印件）"), false, null),
				row("Balcony_Plan, Balcony_Manager", ApplicantRole.OWNER, EnumSet.of(Scope.BALCONY_ENCLOSURE),
						List.of("阳台封闭方案（小区统一样式）"), true, null),
				row("Openings_Plan, Openings_Manager", ApplicantRole.OWNER, EnumSet.of(Scope.OUTSIDE_OPENINGS),
						List.of("外门窗样式与颜色说明"), true, null),
				row("AirConditioner_Plan", ApplicantRole.OWNER, EnumSet.of(Scope.AIR_CONDITIONER),
						List.of("空调外机位置图（使用预留机位）"), false, null),
				row("ExtraLoad_Design", ApplicantRole.OWNER, EnumSet.of(Scope.EXTRA_LOAD),
						List.of("原设计单位或具有相应资质的设计单位出具的荷载核算"), false, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void shouldAskWhatTheRowSays(String rows, ApplicantRole role, Set<Scope> scope, List<String> documents,
			boolean managerReview, String refusalCites) {
		DmnDecisionResult result = engine.evaluateDecision(decision, DecorationRules.inputs(role, scope));

		List<String> expected = Stream.concat(ALWAYS.stream(), documents.stream()).toList();
		assertThat(result.<String>collectEntries("document")).containsExactlyElementsOf(expected);
		assertThat(result.<String>collectEntries("review")).containsExactlyElementsOf(
				managerReview ? List.of("engineering", "manager") : List.of("engineering"));
		if (refusalCites == null) {
			assertThat(result.<String>collectEntries("refusal")).isEmpty();
		}
		else {
			assertThat(result.<String>collectEntries("refusal")).singleElement()
				.asString()
				.startsWith("《住宅室内装饰装修管理办法》" + refusalCites);
		}
	}

	@Test
	void shouldAddUpEverythingAnApplicationDeclares() {
		DmnDecisionResult result = engine.evaluateDecision(decision, DecorationRules.inputs(ApplicantRole.TENANT,
				EnumSet.of(Scope.WATERPROOFING, Scope.BALCONY_ENCLOSURE, Scope.LOAD_BEARING_WALL, Scope.FACADE_CHANGE)));

		assertThat(result.<String>collectEntries("document")).hasSize(ALWAYS.size() + 4);
		assertThat(result.<String>collectEntries("review")).containsExactly("engineering", "manager");
		assertThat(result.<String>collectEntries("refusal")).hasSize(2);
	}

	private static Arguments row(String rows, ApplicantRole role, Set<Scope> scope, List<String> documents,
			boolean managerReview, String refusalCites) {
		return Arguments.of(rows, role, scope, documents, managerReview, refusalCites);
	}

}
