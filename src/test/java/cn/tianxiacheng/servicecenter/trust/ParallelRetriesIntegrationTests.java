package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.tianxiacheng.servicecenter.EstateStaff;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.OpenTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The retry contract under pressure: twenty copies of one request (same request id) sent at the
 * same moment all answer the first copy's result and leave one record, on every {@code /api}
 * POST that takes a request id; and twenty colleagues claiming one task at once give one winner
 * and 409s in Chinese, never a 500.
 */
@IntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ParallelRetriesIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final int COPIES = 20;

	private static final AtomicInteger clients = new AtomicInteger();

	/**
	 * Every test calls from an address of its own, where each user has logged in once before the
	 * copies go out: a login delay left by other classes' wrong guesses from the test host would
	 * otherwise hold a copy that happens to arrive before the first success.
	 */
	private String client;

	@Autowired
	OpenTasks openTasks;

	@BeforeEach
	void callFromAnAddressOfItsOwn() {
		client = "203.0.113." + clients.incrementAndGet();
	}

	@Test
	void shouldGiveTwentyIdenticalAssistanceRequestsOneResult() {
		Map<String, Object> owner = owner(7);
		String id = UUID.randomUUID().toString();
		sendTwentyCopies("receptionist", "/api/assistance-requests", """
				{"requestId":"%s","unitNumber":"%s","ownerName":"%s","kind":"DEVELOPER_DOCUMENTS","purpose":"OTHER",
				 "addressee":"天下城置业有限公司","details":"购房合同副本"}""".formatted(id, owner.get("number"), owner.get("name")));
		assertOneRecord("assistance_request", "request_id", id);
	}

	@ParameterizedTest
	@MethodSource("bothEstates")
	void shouldGiveTwentyIdenticalCasesOneResult(EstateStaff estate) {
		String id = UUID.randomUUID().toString();
		sendTwentyCopies(estate.receptionist(), "/api/cases", """
				{"requestId":"%s","type":"SERVICE_REQUEST","unitNumber":"%s","contactName":"钱女士",
				 "contactPhone":"13812345678","channel":"PHONE","category":"水电维修","urgency":"NORMAL","description":"水龙头漏水"}"""
			.formatted(id, estate.unitNumber()));
		assertOneRecord("service_case", "request_id", id);
	}

	@Test
	void shouldGiveTwentyIdenticalPaymentsOneReceipt() {
		String key = UUID.randomUUID().toString();
		sendTwentyCopies("cashier", "/api/payments", """
				{"idempotencyKey":"%s","unitId":%d,"amount":10.00,"method":"CASH"}""".formatted(key, owner(8).get("id")));
		assertOneRecord("payment", "idempotency_key", key);
	}

	@Test
	void shouldGiveTwentyIdenticalNoticesAndSurveysOneResult() {
		LocalDate today = LocalDate.now(SHANGHAI);
		String notice = UUID.randomUUID().toString();
		sendTwentyCopies("manager", "/api/notices", """
				{"requestId":"%s","title":"停水通知","body":"明日 9:00 至 12:00 停水","buildings":[1],
				 "validFrom":"%s","validTo":"%s"}""".formatted(notice, today, today.plusDays(1)));
		assertOneRecord("notice", "request_id", notice);
		String survey = UUID.randomUUID().toString();
		sendTwentyCopies("manager", "/api/surveys", """
				{"requestId":"%s","title":"并发满意度调查","buildings":[2],"endsOn":"%s"}""".formatted(survey, today.plusDays(30)));
		assertOneRecord("survey", "request_id", survey);
	}

	@Test
	void shouldGiveTwentyIdenticalReleasePassesAndLeasesOneResult() {
		Map<String, Object> owner = owner(9);
		LocalDateTime now = LocalDateTime.now(SHANGHAI).withSecond(0).withNano(0);
		String pass = UUID.randomUUID().toString();
		sendTwentyCopies("receptionist", "/api/release-passes", """
				{"requestId":"%s","unitNumber":"%s","applicantKind":"OWNER","applicantName":"%s",
				 "applicantPhone":"13712345678","moveOut":false,"items":[{"name":"书柜","quantity":1}],
				 "validFrom":"%s","validTo":"%s","gate":"东门"}""".formatted(pass, owner.get("number"), owner.get("name"),
				now.minusHours(1), now.plusHours(3)));
		assertOneRecord("release_pass", "request_id", pass);

		Map<String, Object> lessee = jdbc.queryForMap("""
				select u.number, o.name, v.plate_number as plate
				  from vehicle v join unit u on u.id = v.unit_id join owner o on o.unit_id = u.id
				 where v.id = (select min(v2.id) from vehicle v2 where v2.unit_id = u.id)
				   and o.id = (select min(o2.id) from owner o2 where o2.unit_id = u.id)
				   and not exists (select 1 from parking_lease l where l.unit_id = u.id)
				   and u.building_id in %s
				 order by u.id desc fetch first 1 rows only""".formatted(TIANXIACHENG_BUILDINGS));
		String space = jdbc.queryForObject("""
				select max(s.number) from parking_space s
				 where s.status = 'VACANT' and not exists (select 1 from parking_lease l where l.space_id = s.id)
				   and s.estate_id = (select id from estate where code = 'TXC')""",
				String.class);
		String lease = UUID.randomUUID().toString();
		sendTwentyCopies("receptionist", "/api/parking-leases", """
				{"requestId":"%s","unitNumber":"%s","lesseeKind":"OWNER","lesseeName":"%s","lesseePhone":"13812345678",
				 "spaceNumber":"%s","plates":["%s"],"startDate":"%s","months":1,"paymentPlan":"MONTHLY"}""".formatted(lease,
				lessee.get("number"), lessee.get("name"), space, lessee.get("plate"), LocalDate.now(SHANGHAI)));
		assertOneRecord("parking_lease", "request_id", lease);
	}

	@Test
	void shouldGiveTwentyIdenticalExpensesAndRepairPlansOneResult() {
		String expense = UUID.randomUUID().toString();
		sendTwentyCopies("cashier", "/api/expenses", """
				{"requestId":"%s","period":"%s","category":"办公用品","amount":12.50,"description":"打印纸"}"""
			.formatted(expense, YearMonth.now(SHANGHAI)));
		assertOneRecord("expense", "request_id", expense);

		LocalDate today = LocalDate.now(SHANGHAI);
		String plan = UUID.randomUUID().toString();
		sendTwentyCopies("director", "/api/repair-plans", """
				{"requestId":"%s","scale":"MEDIUM","item":"并发测试维修","facility":"2号楼屋面","reason":"渗漏",
				 "constructionPlan":"局部翻修防水层","budget":12000.00,"plannedStart":"%s","plannedEnd":"%s"}"""
			.formatted(plan, today, today.plusDays(20)));
		assertOneRecord("repair_plan", "request_id", plan);
	}

	@Test
	void shouldGiveOneWinnerAndChinese409sWhenTwentyColleaguesClaimOneTask() throws Exception {
		String taskId = openTasks.complaint().taskId();
		logInOnce("receptionist");
		logInOnce("receptionist2");
		List<Callable<ResponseEntity<String>>> claims = new ArrayList<>();
		for (int i = 0; i < COPIES; i++) {
			String user = i % 2 == 0 ? "receptionist" : "receptionist2";
			claims.add(() -> post(user, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}"));
		}

		List<ResponseEntity<String>> answers = atOnce(claims);

		String winner = taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
		assertThat(winner).isIn("receptionist", "receptionist2");
		for (int i = 0; i < COPIES; i++) {
			String user = i % 2 == 0 ? "receptionist" : "receptionist2";
			ResponseEntity<String> answer = answers.get(i);
			if (user.equals(winner)) {
				assertThat(answer.getStatusCode().value()).as("%s: %s", user, answer.getBody()).isIn(204, 409);
			}
			else {
				assertThat(answer.getStatusCode().value()).as("%s: %s", user, answer.getBody()).isEqualTo(409);
			}
			if (answer.getStatusCode().value() == 409) {
				assertThat(answer.getBody()).containsPattern("\\p{IsHan}").doesNotContain("Exception");
			}
		}
		assertThat(answers).anySatisfy(answer -> assertThat(answer.getStatusCode().value()).isEqualTo(204));
	}

	private void sendTwentyCopies(String user, String path, String body) {
		logInOnce(user);
		List<Callable<ResponseEntity<String>>> copies = new ArrayList<>();
		for (int i = 0; i < COPIES; i++) {
			copies.add(() -> StaffApi.afterAnyLoginDelay(() -> post(user, path, body)));
		}
		List<ResponseEntity<String>> answers;
		try {
			answers = atOnce(copies);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
		assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().is2xxSuccessful())
			.as("%s %s: %s", path, answer.getStatusCode(), answer.getBody()).isTrue());
		assertThat(answers.stream().map(ResponseEntity::getBody).distinct()).as(path + " answers the first result")
			.hasSize(1);
	}

	private void assertOneRecord(String table, String column, String id) {
		assertThat(jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class, id))
			.as(table).isOne();
	}

	private static List<ResponseEntity<String>> atOnce(List<Callable<ResponseEntity<String>>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
			for (Callable<ResponseEntity<String>> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<ResponseEntity<String>> answers = new ArrayList<>();
			for (Future<ResponseEntity<String>> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Waits out (at most the throttle's longest delay) a delay the user may still be under. */
	private void logInOnce(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Forwarded-For", client);
		for (int attempt = 0; attempt < 70; attempt++) {
			ResponseEntity<String> answer = rest.withBasicAuth(user, "demo")
				.exchange("/api/units?size=1", HttpMethod.GET, new HttpEntity<>(headers), String.class);
			if (answer.getStatusCode().value() != 429) {
				assertThat(answer.getStatusCode().value()).as("%s logs in", user).isEqualTo(200);
				return;
			}
			sleepOneSecond();
		}
		throw new AssertionError(user + " still held after 70 s");
	}

	private static void sleepOneSecond() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private ResponseEntity<String> post(String user, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Forwarded-For", client);
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class);
	}

	/** The first owner of 天下城's n-th occupied unit (counted from the end, clear of other tests' units). */
	private Map<String, Object> owner(int n) {
		return jdbc.queryForMap("""
				select u.id, u.number, o.name from unit u join owner o on o.unit_id = u.id
				 where o.id = (select min(o2.id) from owner o2 where o2.unit_id = u.id) and u.building_id in %s
				 order by u.id desc offset %d rows fetch first 1 rows only""".formatted(TIANXIACHENG_BUILDINGS, n));
	}

}
