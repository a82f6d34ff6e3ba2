package cn.tianxiacheng.servicecenter.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.TestPhotos;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import org.junit.jupiter.api.Test;

/**
 * The 社区文化活动 pages: they open to reception, the manager, the director and the auditor and refuse
 * the others; reception plans an activity once per request, summarizes it once held with its photos,
 * which are kept and served back, and its cost goes into the month's expenses; bad input (a file
 * that is no image, a summary before the day) changes nothing.
 */
@IntegrationTest
class ActivityPageIntegrationTests extends IntegrationTestSupport {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void shouldOpenTheActivityPagesToTheirRolesOnly() {
		String number = plan(WebSession.loggedIn(port, "manager"), "权限测试活动", TODAY.plusDays(10), UUID.randomUUID().toString());
		for (String user : new String[] { "receptionist", "manager", "director", "auditor" }) {
			WebSession session = WebSession.loggedIn(port, user);
			assertThat(session.get("/activities").statusCode()).as(user).isEqualTo(200);
			assertThat(session.get("/activities/" + number).statusCode()).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "cashier", "engineer", "guard", "cleaner" }) {
			WebSession session = WebSession.loggedIn(port, user);
			assertThat(session.get("/activities").statusCode()).as(user).isEqualTo(403);
			assertThat(session.get("/activities/" + number).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(WebSession.loggedIn(port, "director").get("/activities").body()).doesNotContain("策划活动");
		assertThat(WebSession.loggedIn(port, "manager").get("/activities/HD-1999-001").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldPlanOnceSummarizeWithPhotosAndEnterTheCost() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		String requestId = UUID.randomUUID().toString();
		String number = plan(reception, "重阳节敬老茶话会", TODAY, requestId);
		assertThat(plan(reception, "重阳节敬老茶话会", TODAY, requestId)).as("sent again").isEqualTo(number);
		assertThat(number).matches("TXC-HD-\\d{4}-\\d{3}");

		byte[] png = TestPhotos.image("png", Color.ORANGE);
		HttpResponse<String> summarized = reception.submitMultipart("/activities/" + number,
				"/activities/" + number + "/summary",
				Map.of("summary", "到场老人 56 位，义诊 30 人次，业主反映很好。", "actualParticipants", "71", "actualCost", "2863.40"),
				List.of(new FilePart("photos", "合影.png", "image/png", png),
						new FilePart("photos", "义诊.png", "image/png", TestPhotos.image("png", Color.BLUE))));
		assertThat(summarized.statusCode()).as(summarized.body()).isEqualTo(302);

		HttpResponse<String> page = WebSession.loggedIn(port, "auditor").get("/activities/" + number);
		assertThat(page.body()).contains("到场老人 56 位", "71 人", "2863.40", "已总结");
		List<Long> photos = jdbc.queryForList("""
				select p.id from record_photo p where p.record_kind = 'ACTIVITY' and p.record_key = ? order by p.id""", Long.class, number);
		assertThat(photos).hasSize(2);
		HttpResponse<byte[]> photo = WebSession.loggedIn(port, "director").getBytes("/activities/" + number + "/photos/" + photos.get(0));
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(photo.body()).isEqualTo(png);
		assertThat(WebSession.loggedIn(port, "guard").getBytes("/activities/" + number + "/photos/" + photos.get(0))
			.statusCode()).isEqualTo(403);

		assertThat(jdbc.queryForObject("select amount from expense where reference = ?", BigDecimal.class, number))
			.isEqualByComparingTo("2863.40");
		assertThat(jdbc.queryForObject("select period from expense where reference = ?", String.class, number))
			.isEqualTo(YearMonth.from(TODAY).toString());

		HttpResponse<String> again = reception.submitMultipart("/activities/" + number, "/activities/" + number + "/summary",
				Map.of("summary", "再总结一次", "actualParticipants", "1", "actualCost", "1.00"), List.of());
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(reception.submitMultipart("/activities/" + number, "/activities/" + number + "/photos", Map.of(),
				List.of(new FilePart("photos", "补充.png", "image/png", TestPhotos.image("png", Color.GREEN)))).statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("select count(*) from expense where reference = ?", Integer.class, number)).isOne();
	}

	@Test
	void shouldRefuseBadInputAndOtherRolesChangingNothing() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		int activitiesBefore = count("community_activity");
		HttpResponse<String> noBudget = reception.submit("/activities", "/activities", fields(UUID.randomUUID().toString(),
				"没有预算的活动", TODAY).replace("&budget=3000.00", "&budget=" + encode("三千")));
		assertThat(noBudget.statusCode()).isEqualTo(400);
		assertThat(noBudget.body()).contains("预算应为金额", "没有预算的活动");
		assertThat(reception.submit("/activities", "/activities",
				fields(UUID.randomUUID().toString(), "x", TODAY).replace("&expectedParticipants=80", "&expectedParticipants=0"))
			.statusCode()).isEqualTo(400);
		assertThat(reception.submit("/activities", "/activities", fields(UUID.randomUUID().toString(), "x", TODAY.plusYears(3)))
			.statusCode()).isEqualTo(422);
		for (String user : new String[] { "director", "auditor", "cashier" }) {
			assertThat(WebSession.loggedIn(port, user)
				.submit("/", "/activities", fields(UUID.randomUUID().toString(), "x", TODAY))
				.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(count("community_activity")).isEqualTo(activitiesBefore);

		String coming = plan(reception, "元旦联欢会", TODAY.plusDays(20), UUID.randomUUID().toString());
		String held = plan(reception, "社区义诊", TODAY, UUID.randomUUID().toString());
		int photosBefore = count("record_photo");
		HttpResponse<String> early = reception.submitMultipart("/activities/" + coming, "/activities/" + coming + "/summary",
				Map.of("summary", "x", "actualParticipants", "10", "actualCost", "10.00"), List.of());
		assertThat(early.statusCode()).isEqualTo(422);
		HttpResponse<String> notAnImage = reception.submitMultipart("/activities/" + held, "/activities/" + held + "/summary",
				Map.of("summary", "x", "actualParticipants", "10", "actualCost", "10.00"),
				List.of(new FilePart("photos", "病毒.png", "image/png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))));
		assertThat(notAnImage.statusCode()).isEqualTo(400);
		assertThat(notAnImage.body()).contains("不是 JPEG、PNG 或 WebP 图片");
		HttpResponse<String> tooLarge = reception.submitMultipart("/activities/" + held, "/activities/" + held + "/summary",
				Map.of("summary", "x", "actualParticipants", "10", "actualCost", "10.00"),
				List.of(new FilePart("photos", "大图.png", "image/png", TestPhotos.large(6 * 1024 * 1024))));
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(tooLarge.body()).contains("超过 5 MB");
		assertThat(reception.submitMultipart("/activities/" + held, "/activities/" + held + "/summary",
				Map.of("summary", "x", "actualParticipants", "10", "actualCost", "10.00"),
				List.of(new FilePart("photos", "超大.png", "image/png", TestPhotos.large(11 * 1024 * 1024)))).statusCode())
			.as("above the server's limit").isBetween(400, 499);
		assertThat(reception.submitMultipart("/activities/" + held, "/activities/" + held + "/summary",
				Map.of("summary", "x", "actualParticipants", "many", "actualCost", "10.00"), List.of()).statusCode())
			.isEqualTo(400);
		assertThat(WebSession.loggedIn(port, "auditor").submitMultipart("/", "/activities/" + held + "/summary",
				Map.of("summary", "x", "actualParticipants", "10", "actualCost", "10.00"), List.of()).statusCode())
			.isEqualTo(403);
		assertThat(count("record_photo")).isEqualTo(photosBefore);
		assertThat(jdbc.queryForObject("select count(*) from community_activity where summarized_at is not null"
				+ " and activity_number in (?, ?)", Integer.class, coming, held)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from expense where reference in (?, ?)", Integer.class, coming, held))
			.isZero();
	}

	private String plan(WebSession session, String title, LocalDate heldOn, String requestId) {
		HttpResponse<String> planned = session.submit("/activities", "/activities", fields(requestId, title, heldOn));
		assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
		return jdbc.queryForObject("select activity_number from community_activity where request_id = ?", String.class,
				requestId);
	}

	private static String fields(String requestId, String title, LocalDate heldOn) {
		return "requestId=" + requestId + "&title=" + encode(title) + "&heldOn=" + heldOn + "&place=" + encode("会所多功能厅")
				+ "&plan=" + encode("14:00 签到，14:30 节目，16:00 义诊") + "&audience=" + encode("60 岁以上业主")
				+ "&expectedParticipants=80&budget=3000.00";
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
