package cn.tianxiacheng.servicecenter.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The 收支表 page: it opens to the cashier, the manager, the director and the auditor and refuses the
 * others; the cashier enters an expense once per request and the month's statement shows it; the
 * manager publishes a finished month once, after which its expenses are closed; bad input changes
 * nothing. The months used here lie further back than those other tests publish.
 */
@IntegrationTest
class StatementPageIntegrationTests extends IntegrationTestSupport {

	private static final YearMonth THIS_MONTH = YearMonth.now(ZoneId.of("Asia/Shanghai"));

	@Test
	void shouldOpenTheStatementToItsRolesOnly() {
		for (String user : new String[] { "cashier", "manager", "director", "auditor" }) {
			assertThat(WebSession.loggedIn(port, user).get("/statements").statusCode()).as(user).isEqualTo(200);
		}
		for (String user : new String[] { "receptionist", "engineer", "guard", "cleaner" }) {
			assertThat(WebSession.loggedIn(port, user).get("/statements").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(WebSession.loggedIn(port, "director").get("/statements").body()).doesNotContain("录入支出");
	}

	@Test
	void shouldEnterAnExpenseOnceAndShowItInTheMonthsStatement() {
		YearMonth month = THIS_MONTH.minusMonths(4);
		String requestId = UUID.randomUUID().toString();
		WebSession cashier = WebSession.loggedIn(port, "cashier");
		String page = "/statements?period=" + month;
		String fields = "requestId=" + requestId + "&category=" + encode("公共能耗") + "&amount=3456.78&description="
				+ encode("公共区域电费（" + month + "）");
		assertThat(cashier.submit(page, "/statements/" + month + "/expenses", fields).statusCode()).isEqualTo(302);
		assertThat(cashier.submit(page, "/statements/" + month + "/expenses", fields).statusCode()).as("sent again")
			.isEqualTo(302);
		assertThat(jdbc.queryForObject("select count(*) from expense where request_id = ?", Integer.class, requestId))
			.isOne();
		assertThat(jdbc.queryForObject("select amount from expense where request_id = ?", BigDecimal.class, requestId))
			.isEqualByComparingTo("3456.78");
		HttpResponse<String> statement = WebSession.loggedIn(port, "auditor").get(page);
		assertThat(statement.body()).contains("公共能耗", "3456.78", "公共区域电费（" + month + "）", "支出合计");
	}

	@Test
	void shouldPublishAFinishedMonthOnceAndCloseItsExpenses() {
		YearMonth month = THIS_MONTH.minusMonths(5);
		WebSession manager = WebSession.loggedIn(port, "manager");
		String page = "/statements?period=" + month;
		assertThat(manager.submit(page, "/statements/" + month + "/expenses", "requestId=" + UUID.randomUUID()
				+ "&category=" + encode("办公费用") + "&amount=88.00&description=" + encode("打印纸")).statusCode())
			.isEqualTo(302);
		assertThat(WebSession.loggedIn(port, "cashier").submit(page, "/statements/" + month + "/publication", "")
			.statusCode()).isEqualTo(403);
		assertThat(manager.submit(page, "/statements/" + month + "/publication", "").statusCode()).isEqualTo(302);
		HttpResponse<String> again = manager.submit(page, "/statements/" + month + "/publication", "");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("已经公布过");
		assertThat(manager.submit("/statements", "/statements/" + THIS_MONTH + "/publication", "").statusCode())
			.as("a month not over yet").isEqualTo(422);
		HttpResponse<String> late = manager.submit(page, "/statements/" + month + "/expenses", "requestId="
				+ UUID.randomUUID() + "&category=x&amount=1.00&description=x");
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(late.body()).contains("已向业主公布");
		assertThat(new WebSession(port).get("/public/statements?estate=TXC").body()).contains(month + " 收支表", "办公费用");
	}

	@Test
	void shouldRefuseBadInputAndOtherRolesChangingNothing() {
		YearMonth month = THIS_MONTH.minusMonths(4);
		int before = jdbc.queryForObject("select count(*) from expense", Integer.class);
		WebSession cashier = WebSession.loggedIn(port, "cashier");
		String page = "/statements?period=" + month;
		String action = "/statements/" + month + "/expenses";
		HttpResponse<String> words = cashier.submit(page, action,
				"requestId=" + UUID.randomUUID() + "&category=x&amount=" + encode("一千元") + "&description=x");
		assertThat(words.statusCode()).isEqualTo(400);
		assertThat(words.body()).contains("金额应为");
		assertThat(cashier.submit(page, action, "requestId=" + UUID.randomUUID() + "&category=x&amount=1.005&description=x")
			.statusCode()).isEqualTo(400);
		assertThat(cashier.submit(page, action, "requestId=" + UUID.randomUUID() + "&category=&amount=1.00&description=x")
			.statusCode()).isEqualTo(400);
		assertThat(cashier.submit(page, action, "requestId=" + UUID.randomUUID() + "&category=x&amount=0&description=x")
			.statusCode()).isEqualTo(400);
		assertThat(cashier.submit(page, "/statements/" + THIS_MONTH.plusMonths(1) + "/expenses",
				"requestId=" + UUID.randomUUID() + "&category=x&amount=1.00&description=x").statusCode())
			.as("a month not begun").isEqualTo(422);
		assertThat(cashier.submit(page, "/statements/2026-13/expenses",
				"requestId=" + UUID.randomUUID() + "&category=x&amount=1.00&description=x").statusCode()).isEqualTo(400);
		for (String user : new String[] { "director", "auditor", "receptionist" }) {
			assertThat(WebSession.loggedIn(port, user).submit("/", action,
					"requestId=" + UUID.randomUUID() + "&category=x&amount=1.00&description=x").statusCode()).as(user)
				.isEqualTo(403);
		}
		assertThat(jdbc.queryForObject("select count(*) from expense", Integer.class)).isEqualTo(before);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
