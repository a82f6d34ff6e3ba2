package cn.tianxiacheng.servicecenter.decoration;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestPhotos;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * On a decoration under way, the guard photographs a violation and a patrol with the phone: the
 * photos are kept with the violation (or the patrol) or not at all, shown on the decoration's
 * page to who deals with decorations; a script renamed .jpg is refused with the field named and
 * no violation is registered; the cashier is refused the photo.
 */
@IntegrationTest
class DecorationPhotoIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldKeepViolationAndPatrolPhotosWithTheirRecordOrNothing() throws InterruptedException {
		String number = underway();
		WebSession guard = WebSession.loggedIn(port, "guard");
		String page = "/decorations/" + number;
		String rectifyBy = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
		Map<String, String> violation = Map.of("source", "PATROL", "description", "擅自改动承重墙", "rectifyBy", rectifyBy);

		HttpResponse<String> script = guard.submitMultipart(page, page + "/violations", violation,
				List.of(new FilePart("photos", "现场.jpg", "image/jpeg", TestPhotos.notAnImage())));
		assertThat(script.statusCode()).as("refused on the decoration's page").isEqualTo(400);
		assertThat(script.body()).contains("“违章照片”中的“现场.jpg”不是 JPEG、PNG 或 WebP 图片", "擅自改动承重墙");
		assertThat(violations(number)).as("no violation without its photo").isZero();
		HttpResponse<String> large = guard.submitMultipart(page, page + "/violations", violation,
				List.of(new FilePart("photos", "大图.png", "image/png", TestPhotos.large(6 * 1024 * 1024))));
		assertThat(large.statusCode()).isEqualTo(400);
		assertThat(large.body()).contains("“违章照片”", "超过 5 MB");
		assertThat(violations(number)).isZero();

		byte[] seen = TestPhotos.image("jpg", Color.ORANGE);
		guard.submitMultipart(page, page + "/violations", violation,
				List.of(new FilePart("photos", "现场.jpg", "image/jpeg", seen)));
		assertThat(violations(number)).isOne();
		guard.submitMultipart(page, page + "/patrols", Map.of("notes", "现场整洁"),
				List.of(new FilePart("photos", "巡查.png", "image/png", TestPhotos.image("png", Color.GREEN))));

		List<Map<String, Object>> kept = jdbc.queryForList("""
				select id, stage, item_id from record_photo where record_kind = 'DECORATION' and record_key = ? order by id""",
				number);
		assertThat(kept).extracting(row -> row.get("STAGE")).containsExactly("VIOLATION", "PATROL");
		assertThat(((Number) kept.get(0).get("ITEM_ID")).longValue()).isEqualTo(jdbc.queryForObject(
				"select v.id from decoration_violation v join decoration d on d.id = v.decoration_id where d.decoration_number = ?",
				Long.class, number));
		String path = page + "/photos/" + kept.get(0).get("ID");
		assertThat(WebSession.loggedIn(port, "manager").get(page).body()).contains("现场照片", path, "违章 #");
		HttpResponse<byte[]> served = WebSession.loggedIn(port, "auditor").getBytes(path);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(seen);
		WebSession cashier = WebSession.loggedIn(port, "cashier");
		assertThat(cashier.getBytes(path).statusCode()).isEqualTo(403);
		assertThat(cashier.get(page).body()).doesNotContain("现场照片", path);
	}

	private int violations(String number) {
		return jdbc.queryForObject("""
				select count(*) from decoration_violation v join decoration d on d.id = v.decoration_id
				 where d.decoration_number = ?""", Integer.class, number);
	}

	/** A decoration applied, approved, paid and its permit handed over: the works are under way. */
	@SuppressWarnings("unchecked")
	private String underway() throws InterruptedException {
		Map<String, Object> unit = DecorationRequests.freshUnit(jdbc, "2-1-");
		long unitId = ((Number) unit.get("id")).longValue();
		Map<String, Object> applied = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/decorations",
				DecorationRequests.application(UUID.randomUUID().toString(), (String) unit.get("number"),
						(String) unit.get("owner_name"), List.of("WATERPROOFING", "BALCONY_ENCLOSURE")))
			.getBody();
		String number = (String) applied.get("decorationNumber");
		String pid = (String) applied.get("processInstanceId");
		workTask("receptionist", pid, Element.CHECK_DOCUMENTS, vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));
		workTask("engineer", pid, Element.ENGINEERING_REVIEW, vars(Var.ENGINEERING_DECISION, "APPROVE_WITH_CONDITIONS",
				Var.ENGINEERING_CONDITIONS, "闭水试验须工程部见证", Var.OPINION, "可行"));
		workTask("manager", pid, Element.MANAGER_APPROVAL, vars(Var.MANAGER_DECISION, "APPROVE", Var.OPINION, "同意"));
		workTask("receptionist", pid, Element.SIGN_AGREEMENT, vars("agreementSigned", true, "prohibitedActsAcknowledged", true,
				Var.PERMITTED_HOURS, DecorationIntegrationTests.HOURS, Var.WASTE_REMOVAL, "SELF", Var.OPINION, "已签字"));
		awaitTask(pid, Element.COLLECT_FEES);
		List<Map<String, Object>> bills = ((List<Map<String, Object>>) StaffApi
			.call(rest, "cashier", HttpMethod.GET, "/api/units/" + unitId + "/account", null)
			.getBody()
			.get("bills")).stream().filter(b -> number.equals(b.get("period"))).toList();
		BigDecimal fees = bills.stream()
			.map(b -> new BigDecimal(b.get("amount").toString()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\"" + UUID.randomUUID()
				+ "\",\"unitId\":" + unitId + ",\"amount\":" + fees + ",\"method\":\"CASH\",\"billIds\":"
				+ bills.stream().map(b -> b.get("id").toString()).toList() + "}");
		StaffApi.work(rest, "receptionist", awaitTask(pid, Element.HAND_OVER_PERMIT).getId(),
				vars("permitHandedOver", true, "passesHandedOver", true));
		StaffApi.awaitJobs(managementService, pid);
		return number;
	}

}
