package cn.tianxiacheng.servicecenter.decoration;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.OtherEstate;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestPhotos;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each estate's decorations are its own: staff of another estate asking for one of 天下城's by its
 * number, to read, print, see its photos or record on it, get what an unknown number gets and learn
 * nothing of it, nothing is recorded; their list of works under way leaves it out; a unit of 天下城
 * is unknown to their reception; 天下城's permit bears 天下城's name.
 */
@IntegrationTest
class DecorationEstateIntegrationTests extends IntegrationTestSupport {

	private static final String VIOLATION = "擅自拆改卫生间墙体";

	@Autowired
	EstateTenants tenants;

	@Test
	void shouldAnswerAnotherEstatesStaffAsForAnUnknownDecoration() throws InterruptedException {
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "1-1-");
		String number = underway(unit);
		String page = "/decorations/" + number;
		assertThat(call(rest, "engineer", HttpMethod.POST, "/api/decorations/" + number + "/violations",
				violation()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		WebSession.loggedIn(port, "guard").submitMultipart(page, page + "/patrols", Map.of("notes", "现场整洁"),
				List.of(new FilePart("photos", "巡查.png", "image/png", TestPhotos.image("png", Color.GREEN))));
		long photo = jdbc.queryForObject("select max(id) from record_photo where record_kind = 'DECORATION' and record_key = ?",
				Long.class, number);
		List<String> secrets = List.of((String) unit.get("owner_name"), DecorationRequests.APPLICANT_PHONE, "赵建军",
				(String) unit.get("number"), VIOLATION);
		int recorded = recorded(number);
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);

		String api = "/api/decorations/" + number;
		notFound(call(rest, other.manager(), HttpMethod.GET, api, null), secrets);
		notFound(call(rest, other.engineer(), HttpMethod.POST, api + "/violations", violation()), secrets);
		notFound(call(rest, other.receptionist(), HttpMethod.POST, api + "/extension-requests",
				"{\"newEnd\":\"" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90) + "\",\"reason\":\"越界延期\"}"),
				secrets);
		notFound(call(rest, other.receptionist(), HttpMethod.POST, api + "/completion-application", null), secrets);
		notFound(call(rest, other.engineer(), HttpMethod.POST, api + "/objections", "{\"description\":\"越界异议\"}"),
				secrets);
		WebSession manager = WebSession.loggedIn(port, other.manager());
		for (String path : List.of(page, page + "/permit", page + "/photos/" + photo)) {
			HttpResponse<String> answer = manager.get(path);
			assertThat(answer.statusCode()).as(path).isEqualTo(404);
			secrets.forEach(secret -> assertThat(answer.body()).as(path).doesNotContain(secret));
		}
		HttpResponse<String> reported = WebSession.loggedIn(port, other.engineer()).submit("/decorations",
				page + "/violations", "source=PATROL&description=越界违章&rectifyBy="
						+ LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3));
		assertThat(reported.statusCode()).isEqualTo(404);
		assertThat(recorded(number)).as("nothing recorded on the decoration").isEqualTo(recorded);

		assertThat(rest.withBasicAuth(other.manager(), "demo").getForObject("/api/decorations", String.class))
			.doesNotContain(number);
		assertThat(manager.get("/decorations").body()).doesNotContain(number);
		assertThat(rest.withBasicAuth("manager", "demo").getForObject("/api/decorations", String.class)).contains(number);
		assertThat(WebSession.loggedIn(port, "manager").get(page + "/permit").body()).contains("天下城物业服务中心（盖章）");
	}

	@Test
	void shouldRefuseAUnitOfTianxiachengToAnotherEstatesReception() {
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "1-1-");
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);
		int decorations = jdbc.queryForObject("select count(*) from decoration", Integer.class);

		ResponseEntity<Map<String, Object>> applied = call(rest, other.receptionist(), HttpMethod.POST, "/api/decorations",
				DecorationRequests.application(UUID.randomUUID().toString(), (String) unit.get("number"),
						(String) unit.get("owner_name"), List.of()));

		assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(applied.getBody().get("detail").toString()).contains("没有房号为“" + unit.get("number") + "”的房屋")
			.doesNotContain((String) unit.get("owner_name"));
		assertThat(jdbc.queryForObject("select count(*) from decoration", Integer.class)).isEqualTo(decorations);
	}

	private static String violation() {
		return "{\"source\":\"PATROL\",\"description\":\"" + VIOLATION + "\",\"serious\":false,\"rectifyBy\":\""
				+ LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3) + "\"}";
	}

	/** Violations, inspections, patrols, extensions and objections of the decoration, counted together. */
	private int recorded(String number) {
		return jdbc.queryForObject("""
				select (select count(*) from decoration_violation x where x.decoration_id = d.id)
				     + (select count(*) from decoration_inspection x where x.decoration_id = d.id)
				     + (select count(*) from decoration_extension x where x.decoration_id = d.id)
				     + (select count(*) from decoration_objection x where x.decoration_id = d.id)
				     + (case when d.completion_applied_at is null then 0 else 1 end)
				  from decoration d where d.decoration_number = ?""", Integer.class, number);
	}

	@Test
	void shouldAskTheEstatesOwnDecorationRulesWhenItHasThem() throws Exception {
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);
		String companyTable = new String(getClass().getResourceAsStream("/processes/DecorationReview.dmn").readAllBytes(),
				StandardCharsets.UTF_8);
		String ownTable = companyTable.replace("房屋所有权证明或购房合同（复印件）", "本项目装修承诺书");
		assertThat(ownTable).isNotEqualTo(companyTable);
		repositoryService.createDeployment()
			.name("DecorationReview " + other.estate().code())
			.tenantId(other.estate().code())
			.addString("DecorationReview.dmn", ownTable)
			.deploy();

		ResponseEntity<Map<String, Object>> theirs = call(rest, other.receptionist(), HttpMethod.POST, "/api/decorations",
				DecorationRequests.application(UUID.randomUUID().toString(), other.units().get(0), "测试业主", List.of()));
		assertThat(theirs.getStatusCode().is2xxSuccessful()).as(String.valueOf(theirs.getBody())).isTrue();
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "1-1-");
		ResponseEntity<Map<String, Object>> ours = DecorationRequests.apply(rest, (String) unit.get("number"),
				(String) unit.get("owner_name"), List.of());
		assertThat(ours.getStatusCode().is2xxSuccessful()).as(String.valueOf(ours.getBody())).isTrue();

		assertThat(documents((String) theirs.getBody().get("decorationNumber"))).contains("本项目装修承诺书")
			.doesNotContain("房屋所有权证明或购房合同（复印件）");
		assertThat(documents((String) ours.getBody().get("decorationNumber"))).contains("房屋所有权证明或购房合同（复印件）")
			.doesNotContain("本项目装修承诺书");
	}

	private List<String> documents(String decorationNumber) {
		return jdbc.queryForList("select dd.name from decoration_document dd join decoration d on d.id = dd.decoration_id"
				+ " where d.decoration_number = ?", String.class, decorationNumber);
	}

	private static void notFound(ResponseEntity<Map<String, Object>> answer, List<String> secrets) {
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		secrets.forEach(secret -> assertThat(String.valueOf(answer.getBody())).doesNotContain(secret));
	}

	/** The unit's owner applies, engineering and the manager approve, the fees are paid, the permit is handed over. */
	@SuppressWarnings("unchecked")
	private String underway(Map<String, Object> unit) throws InterruptedException {
		long unitId = ((Number) unit.get("id")).longValue();
		Map<String, Object> applied = call(rest, "receptionist", HttpMethod.POST, "/api/decorations",
				DecorationRequests.application(UUID.randomUUID().toString(), (String) unit.get("number"),
						(String) unit.get("owner_name"), List.of("WATERPROOFING", "BALCONY_ENCLOSURE")))
			.getBody();
		String number = (String) applied.get("decorationNumber");
		String pid = (String) applied.get("processInstanceId");
		workTask("receptionist", pid, Element.CHECK_DOCUMENTS, vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));
		workTask("engineer", pid, Element.ENGINEERING_REVIEW, vars(Var.ENGINEERING_DECISION, "APPROVE", Var.OPINION, "可行"));
		workTask("manager", pid, Element.MANAGER_APPROVAL, vars(Var.MANAGER_DECISION, "APPROVE", Var.OPINION, "同意"));
		workTask("receptionist", pid, Element.SIGN_AGREEMENT, vars("agreementSigned", true, "prohibitedActsAcknowledged", true,
				Var.PERMITTED_HOURS, DecorationIntegrationTests.HOURS, Var.WASTE_REMOVAL, "SELF", Var.OPINION, "已签字"));
		awaitTask(pid, Element.COLLECT_FEES);
		List<Map<String, Object>> bills = ((List<Map<String, Object>>) call(rest, "cashier", HttpMethod.GET,
				"/api/units/" + unitId + "/account", null)
			.getBody()
			.get("bills")).stream().filter(b -> number.equals(b.get("period"))).toList();
		BigDecimal fees = bills.stream()
			.map(b -> new BigDecimal(b.get("amount").toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
				+ "\",\"unitId\":" + unitId + ",\"amount\":" + fees + ",\"method\":\"CASH\",\"billIds\":"
				+ bills.stream().map(b -> b.get("id").toString()).toList() + "}");
		StaffApi.work(rest, "receptionist", awaitTask(pid, Element.HAND_OVER_PERMIT).getId(),
				vars("permitHandedOver", true, "passesHandedOver", true));
		StaffApi.awaitJobs(managementService, pid);
		return number;
	}

}
