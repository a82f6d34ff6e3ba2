package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestPhotos;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * A repair's photos before and after, as the engineer takes them on a phone: kept with the case
 * and its unit's estate, shown on the case page and served to the groups that work cases; a
 * script renamed .jpg, a photo too large or a cashier's upload is refused and nothing is kept.
 */
@IntegrationTest
class CasePhotoIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldKeepARepairsPhotosBeforeAndAfterAndShowThemToWhoWorksCases() {
		String caseNumber = repair();
		WebSession engineer = WebSession.loggedIn(port, "engineer");
		byte[] before = TestPhotos.image("jpg", Color.GRAY);
		byte[] after = TestPhotos.image("png", Color.WHITE);

		assertThat(upload(engineer, caseNumber, "BEFORE", "漏水处.jpg", before).statusCode()).isEqualTo(302);
		assertThat(upload(engineer, caseNumber, "AFTER", "修好.png", after).statusCode()).isEqualTo(302);

		List<Map<String, Object>> kept = jdbc.queryForList("""
				select p.id, p.stage, p.content_type, p.uploaded_by, p.estate_id from record_photo p
				 where p.record_kind = 'CASE' and p.record_key = ? order by p.id""", caseNumber);
		assertThat(kept).extracting(row -> row.get("STAGE")).containsExactly("BEFORE", "AFTER");
		assertThat(kept).extracting(row -> row.get("CONTENT_TYPE")).containsExactly("image/jpeg", "image/png");
		assertThat(kept.get(0).get("UPLOADED_BY")).isEqualTo("engineer");
		assertThat(((Number) kept.get(0).get("ESTATE_ID")).longValue()).isEqualTo(jdbc.queryForObject("""
				select b.estate_id from service_case c join unit u on u.id = c.unit_id
				  join building b on b.id = u.building_id where c.case_number = ?""", Long.class, caseNumber));

		String page = WebSession.loggedIn(port, "auditor").get("/cases/" + caseNumber).body();
		assertThat(page).contains("维修照片", "维修前", "维修后", "/cases/" + caseNumber + "/photos/" + kept.get(0).get("ID"))
			.doesNotContain("上传照片");
		assertThat(engineer.get("/cases/" + caseNumber).body()).contains("上传照片");
		String photo = "/cases/" + caseNumber + "/photos/" + kept.get(1).get("ID");
		for (String user : new String[] { "engineer", "receptionist", "manager", "auditor", "guard" }) {
			HttpResponse<byte[]> served = WebSession.loggedIn(port, user).getBytes(photo);
			assertThat(served.statusCode()).as(user).isEqualTo(200);
			assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(served.body()).isEqualTo(after);
		}
		WebSession cashier = WebSession.loggedIn(port, "cashier");
		assertThat(cashier.getBytes(photo).statusCode()).isEqualTo(403);
		assertThat(cashier.get("/cases/" + caseNumber).body()).doesNotContain("维修照片");
		assertThat(engineer.getBytes("/cases/" + repair() + "/photos/" + kept.get(1).get("ID")).statusCode())
			.as("a photo asked for under another case").isEqualTo(404);
	}

	@Test
	void shouldRefuseAScriptRenamedJpgATooLargePhotoAndTheCashierKeepingNothing() {
		String caseNumber = repair();
		WebSession engineer = WebSession.loggedIn(port, "engineer");

		HttpResponse<String> script = upload(engineer, caseNumber, "BEFORE", "照片.jpg", TestPhotos.notAnImage());
		assertThat(script.statusCode()).isEqualTo(400);
		assertThat(script.body()).contains("“维修前照片”", "“照片.jpg”不是 JPEG、PNG 或 WebP 图片");

		HttpResponse<String> tooLarge = upload(engineer, caseNumber, "AFTER", "大图.png", TestPhotos.large(6 * 1024 * 1024));
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(tooLarge.body()).contains("“维修后照片”", "超过 5 MB");

		HttpResponse<String> oneGoodOneBad = engineer.submitMultipart("/cases/" + caseNumber, "/cases/" + caseNumber + "/photos",
				Map.of("stage", "BEFORE"), List.of(new FilePart("photos", "好.png", "image/png", TestPhotos.image("png", Color.RED)),
						new FilePart("photos", "坏.jpg", "image/jpeg", TestPhotos.notAnImage())));
		assertThat(oneGoodOneBad.statusCode()).as("the good one is not kept either").isEqualTo(400);

		assertThat(WebSession.loggedIn(port, "cashier").submitMultipart("/", "/cases/" + caseNumber + "/photos",
				Map.of("stage", "BEFORE"), List.of(new FilePart("photos", "x.png", "image/png", TestPhotos.image("png", Color.RED))))
			.statusCode()).isEqualTo(403);
		assertThat(upload(engineer, caseNumber, "DURING", "x.png", TestPhotos.image("png", Color.RED)).statusCode())
			.isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from record_photo where record_kind = 'CASE' and record_key = ?",
				Integer.class, caseNumber)).isZero();
	}

	private HttpResponse<String> upload(WebSession session, String caseNumber, String stage, String fileName, byte[] data) {
		return session.submitMultipart("/cases/" + caseNumber, "/cases/" + caseNumber + "/photos", Map.of("stage", stage),
				List.of(new FilePart("photos", fileName, fileName.endsWith(".png") ? "image/png" : "image/jpeg", data)));
	}

	private String repair() {
		return (String) StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases", "{\"requestId\":\""
				+ UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"2-2-704\",\"contactName\":\"李女士\","
				+ "\"contactPhone\":\"13912345678\",\"channel\":\"PHONE\",\"category\":\"水电维修\",\"urgency\":\"NORMAL\","
				+ "\"description\":\"厨房水管漏水\"}").getBody().get("caseNumber");
	}

}
