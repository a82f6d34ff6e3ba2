package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.TianxiachengStaff;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.casework.CaseIntake;
import cn.tianxiacheng.servicecenter.casework.CaseIntake.Registration;
import cn.tianxiacheng.servicecenter.casework.CaseType;
import cn.tianxiacheng.servicecenter.casework.Channel;
import cn.tianxiacheng.servicecenter.casework.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person logs in once on the Chinese login page and is then logged into Tasklist, Cockpit
 * and Admin as far as their groups allow.
 */
@IntegrationTest
class SingleSignOnIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CaseIntake intake;

	@Autowired
	EstateDirectory estates;

	@Test
	void shouldLogTheReceptionistIntoTasklistButNotCockpitOrAdmin() throws Exception {
		WebSession browser = loggedIn("receptionist");
		assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
		String user = browser.get("/camunda/api/admin/auth/user/default").body();
		assertThat(user).contains("\"userId\":\"receptionist\"").contains("tasklist")
			.doesNotContain("cockpit").doesNotContain("\"admin\"");
	}

	@Test
	void shouldLetOnlyTheAdminIntoCamundaAdmin() throws Exception {
		WebSession admin = loggedIn("admin");
		assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
		assertThat(admin.get("/camunda/api/admin/auth/user/default").body()).contains("\"admin\"", "cockpit",
				"tasklist");

		WebSession auditor = loggedIn("auditor");
		auditor.get("/camunda/app/cockpit/default/");
		assertThat(auditor.get("/camunda/api/admin/auth/user/default").body()).contains("cockpit")
			.doesNotContain("\"admin\"");
	}

	@Test
	void shouldSendAnonymousVisitorsOfTasklistToTheLoginPage() throws Exception {
		HttpResponse<String> response = new WebSession(port).get("/camunda/app/tasklist/default/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void shouldShowTheLoginPageAgainForAWrongPassword() throws Exception {
		WebSession browser = new WebSession(port);
		HttpResponse<String> response = browser.login("nobody-here", "wrong");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void shouldApplyCamundasAuthorizationsToTheAppsPagesToo() throws Exception {
		WebSession guard = loggedIn("guard");
		assertThat(guard.withHeaders("/cashier/billing-runs/preview?kind=MONTHLY&period=2035-01", "Accept", "text/html").body())
			.contains("您的岗位不能生成账单");

		// a run starts once its preview is confirmed
		WebSession cashier = loggedIn("cashier");
		String preview = "/cashier/billing-runs/preview?kind=MONTHLY&period=2035-01";
		HttpResponse<String> confirmed = cashier.submit(preview, "/cashier/billing-runs",
				"kind=MONTHLY&period=2035-01&" + hiddenFields(cashier.get(preview).body(), "requestId", "units", "total"));
		assertThat(cashier.get(URI.create(confirmed.headers().firstValue("Location").orElseThrow()).getPath()).body())
			.contains("已开始生成 2035年1月 月度账单");
	}

	@Test
	void shouldLetReceptionRecordAContactPhoneOnTheCasePageOnly() throws Exception {
		String caseNumber = intake.register(new Registration(null, CaseType.SERVICE_REQUEST, "1-2-1501", "钱女士", null,
				Channel.VISIT, "门窗维修", Urgency.NORMAL, "阳台推拉门卡住"), TianxiachengStaff.of(estates, "receptionist", StaffGroup.RECEPTION)).getCaseNumber();

		HttpResponse<String> byGuard = loggedIn("guard").submit("/cases/" + caseNumber,
				"/cases/" + caseNumber + "/contact-phone", "phone=13800001111");
		assertThat(byGuard.statusCode()).isEqualTo(403);
		HttpResponse<String> byReception = loggedIn("receptionist").submit("/cases/" + caseNumber,
				"/cases/" + caseNumber + "/contact-phone", "phone=13800001111");
		assertThat(byReception.statusCode()).isEqualTo(200);
		assertThat(byReception.body()).contains("13800001111");
		assertThat(jdbc.queryForObject("select contact_phone from service_case where case_number = ?", String.class,
				caseNumber)).isEqualTo("13800001111");
	}

	private WebSession loggedIn(String user) {
		return WebSession.loggedIn(port, user);
	}

	private static String hiddenFields(String page, String... names) {
		StringBuilder fields = new StringBuilder();
		for (String name : names) {
			Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
			assertThat(value.find()).as("the preview carries %s", name).isTrue();
			fields.append(fields.isEmpty() ? "" : "&").append(name).append('=').append(value.group(1));
		}
		return fields.toString();
	}

}
