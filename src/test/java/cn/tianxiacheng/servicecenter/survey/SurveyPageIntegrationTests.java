package cn.tianxiacheng.servicecenter.survey;

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
 * The 满意度调查 pages: they open to reception, the manager, the director and the auditor and refuse
 * the others; the manager starts a campaign once per request; reception enters an answer taken by
 * phone and the report shows it by area and by building; bad input is refused and changes nothing.
 */
@IntegrationTest
class SurveyPageIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldOpenTheSurveyPagesToTheirRolesOnly() {
		long survey = start(WebSession.loggedIn(port, "manager"), "页面权限测试调查", "");
		for (String user : new String[] { "receptionist", "manager", "director", "auditor" }) {
			WebSession session = WebSession.loggedIn(port, user);
			assertThat(session.get("/surveys").statusCode()).as(user).isEqualTo(200);
			assertThat(session.get("/surveys/" + survey).statusCode()).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "cashier", "engineer", "guard", "cleaner" }) {
			WebSession session = WebSession.loggedIn(port, user);
			assertThat(session.get("/surveys").statusCode()).as(user).isEqualTo(403);
			assertThat(session.get("/surveys/" + survey).statusCode()).as(user).isEqualTo(403);
		}
		assertThat(WebSession.loggedIn(port, "manager").get("/surveys/" + survey).body()).doesNotContain("录入电话答卷");
		assertThat(WebSession.loggedIn(port, "receptionist").get("/surveys/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldStartACampaignOnceAndReportAnAnswerTakenByPhone() {
		WebSession manager = WebSession.loggedIn(port, "manager");
		String requestId = UUID.randomUUID().toString();
		long survey = start(manager, "3号楼回访调查", "&buildings=3", requestId);
		assertThat(start(manager, "3号楼回访调查", "&buildings=3", requestId)).as("sent again").isEqualTo(survey);
		String unit = jdbc.queryForObject("""
				select min(u.number) from unit u join building b on b.id = u.building_id
				 where u.status = 'OCCUPIED' and b.number = 3 and b.estate_id = %s""".formatted(TIANXIACHENG), String.class);

		WebSession reception = WebSession.loggedIn(port, "receptionist");
		assertThat(reception.get("/surveys/" + survey).body()).as("a unit still to call").contains("待回访房屋",
				">" + unit + "</a>");
		HttpResponse<String> answered = reception.submit("/surveys/" + survey, "/surveys/" + survey + "/answers",
				"unitNumber=" + unit + "&score0=5&score1=3&score2=4&comment=" + encode("电梯维修响应慢"));
		assertThat(answered.statusCode()).isEqualTo(302);
		HttpResponse<String> report = WebSession.loggedIn(port, "director").get("/surveys/" + survey);
		assertThat(report.body()).contains("3号楼回访调查", "3号楼", "by-building", "echarts.min.js")
			.containsPattern("<td>客服</td>\\s*<td class=\"num\">5.00</td>")
			.containsPattern("<td>工程维修</td>\\s*<td class=\"num\">3.00</td>");
		assertThat(jdbc.queryForObject("select count(*) from survey_answer where survey_id = ?", Integer.class, survey))
			.isOne();
		assertThat(reception.get("/surveys/" + survey).body()).as("answered: off the list").doesNotContain(
				">" + unit + "</a>");
	}

	@Test
	void shouldRefuseBadInputAndOtherRolesChangingNothing() {
		WebSession manager = WebSession.loggedIn(port, "manager");
		int surveysBefore = count("survey");
		HttpResponse<String> untitled = manager.submit("/surveys", "/surveys",
				"requestId=" + UUID.randomUUID() + "&title=&endsOn=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5));
		assertThat(untitled.statusCode()).isEqualTo(400);
		assertThat(untitled.body()).contains("请填写调查名称");
		assertThat(manager.submit("/surveys", "/surveys", "requestId=" + UUID.randomUUID() + "&title=x&endsOn=2020-01-01")
			.statusCode()).as("ends in the past").isEqualTo(422);
		assertThat(manager.submit("/surveys", "/surveys", "requestId=" + UUID.randomUUID() + "&title=x&buildings=7&endsOn="
				+ LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5)).statusCode()).as("no building 7").isEqualTo(400);
		for (String user : new String[] { "director", "auditor", "engineer" }) {
			assertThat(WebSession.loggedIn(port, user).submit("/", "/surveys", "requestId=" + UUID.randomUUID()
					+ "&title=x&endsOn=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5)).statusCode()).as(user)
				.isEqualTo(403);
		}
		assertThat(count("survey")).isEqualTo(surveysBefore);

		long survey = start(manager, "坏输入测试调查", "&buildings=1");
		int answersBefore = count("survey_answer");
		WebSession reception = WebSession.loggedIn(port, "receptionist");
		String page = "/surveys/" + survey;
		String action = page + "/answers";
		assertThat(reception.submit(page, action, "unitNumber=1-1-201&score0=6").statusCode()).isEqualTo(400);
		assertThat(reception.submit(page, action, "unitNumber=1-1-201").body()).contains("请至少为一个服务项目评分");
		assertThat(reception.submit(page, action, "unitNumber=9-9-999&score0=5").statusCode()).isEqualTo(422);
		assertThat(reception.submit(page, action, "unitNumber=2-1-301&score0=5").statusCode()).as("not in building 1")
			.isEqualTo(422);
		assertThat(WebSession.loggedIn(port, "manager").submit(page, action, "unitNumber=1-1-201&score0=5").statusCode())
			.as("only reception enters answers").isEqualTo(403);
		assertThat(count("survey_answer")).isEqualTo(answersBefore);
	}

	private long start(WebSession session, String title, String buildings) {
		return start(session, title, buildings, UUID.randomUUID().toString());
	}

	private long start(WebSession session, String title, String buildings, String requestId) {
		HttpResponse<String> started = session.submit("/surveys", "/surveys", "requestId=" + requestId + "&title="
				+ encode(title) + buildings + "&endsOn=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
		return jdbc.queryForObject("select id from survey where request_id = ?", Long.class, requestId);
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
