package cn.tianxiacheng.servicecenter.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The 服务信息 pages: they open to reception, the manager, the director and the auditor and refuse
 * the others; reception publishes a notice for some buildings once however often the form is sent,
 * and it prints for the notice boards; bad input is refused and publishes nothing.
 */
@IntegrationTest
class NoticePageIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldOpenTheNoticePagesToTheirRolesOnly() {
		for (String user : new String[] { "receptionist", "manager", "director", "auditor" }) {
			assertThat(WebSession.loggedIn(port, user).get("/notices").statusCode()).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "cashier", "engineer", "guard", "cleaner" }) {
			assertThat(WebSession.loggedIn(port, user).get("/notices").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(WebSession.loggedIn(port, "director").get("/notices").body()).doesNotContain("发布服务信息");
		assertThat(WebSession.loggedIn(port, "receptionist").get("/notices/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldPublishANoticeOnceAndPrintIt() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		String requestId = UUID.randomUUID().toString();
		String fields = "requestId=" + requestId + "&title=" + encode("2号楼、3号楼停水通知") + "&body="
				+ encode("因二次供水设备检修，明日 9:00–15:00 停水，请提前储水。") + "&buildings=2&buildings=3&validFrom=" + today
				+ "&validTo=" + today.plusDays(1);
		HttpResponse<String> published = reception.submit("/notices", "/notices", fields);
		assertThat(published.statusCode()).isEqualTo(302);
		assertThat(reception.submit("/notices", "/notices", fields).statusCode()).as("sent again").isEqualTo(302);
		assertThat(jdbc.queryForObject("select count(*) from notice where request_id = ?", Integer.class, requestId))
			.isOne();
		long id = jdbc.queryForObject("select id from notice where request_id = ?", Long.class, requestId);
		assertThat(published.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/notices/" + id));

		HttpResponse<String> print = WebSession.loggedIn(port, "auditor").get("/notices/" + id);
		assertThat(print.statusCode()).isEqualTo(200);
		assertThat(print.body()).contains("2号楼、3号楼停水通知", "2号楼、3号楼", "天下城物业服务中心", "生效中");
		assertThat(reception.get("/notices").body()).contains("2号楼、3号楼停水通知");
	}

	@Test
	void shouldRefuseBadInputAndOtherRolesPublishingNothing() {
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		int before = notices();

		HttpResponse<String> noTitle = reception.submit("/notices", "/notices",
				"requestId=" + UUID.randomUUID() + "&title=&body=x&validFrom=" + today + "&validTo=" + today);
		assertThat(noTitle.statusCode()).isEqualTo(400);
		assertThat(noTitle.body()).contains("请填写标题和正文");
		HttpResponse<String> backwards = reception.submit("/notices", "/notices", "requestId=" + UUID.randomUUID()
				+ "&title=" + encode("日期颠倒") + "&body=x&validFrom=" + today.plusDays(3) + "&validTo=" + today);
		assertThat(backwards.statusCode()).isEqualTo(422);
		assertThat(backwards.body()).contains("结束日期不能早于开始日期", "日期颠倒");
		assertThat(reception.submit("/notices", "/notices", "requestId=" + UUID.randomUUID() + "&title=x&body=x"
				+ "&buildings=9&validFrom=" + today + "&validTo=" + today).statusCode()).as("no building 9")
			.isEqualTo(400);
		assertThat(reception.submit("/notices", "/notices",
				"requestId=" + UUID.randomUUID() + "&title=x&body=x&validFrom=" + encode("明天") + "&validTo=" + today)
			.statusCode()).isEqualTo(400);
		for (String user : new String[] { "director", "auditor", "guard" }) {
			assertThat(WebSession.loggedIn(port, user).submit("/", "/notices", "requestId=" + UUID.randomUUID()
					+ "&title=x&body=x&validFrom=" + today + "&validTo=" + today).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(notices()).as("nothing published").isEqualTo(before);
	}

	private int notices() {
		return jdbc.queryForObject("select count(*) from notice", Integer.class);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
