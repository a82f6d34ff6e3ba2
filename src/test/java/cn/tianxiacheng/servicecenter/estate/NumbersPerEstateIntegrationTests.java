package cn.tianxiacheng.servicecenter.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Numbers per estate: each estate's cases, receipts and certificates run in series of their own,
 * led by the estate's code and gapless, and the public check finds a certificate by its number
 * alone, naming the estate it belongs to.
 */
@IntegrationTest
class NumbersPerEstateIntegrationTests extends IntegrationTestSupport {

	/** Buildings numbered apart from the other estate tests' (100 on, 6000 on, 9000 on), ten for each test. */
	private static final AtomicInteger BUILDINGS = new AtomicInteger(8000);

	private static final Pattern CODE = Pattern.compile("[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}");

	private final int building = BUILDINGS.getAndAdd(10);

	private final String code = "N" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36)
		.toUpperCase();

	private final String estateName = "编号小区" + code;

	/** The estate's four units: {@code b-1-101, b-1-201, b-2-101, b-2-201}. */
	private List<String> units;

	/** The estate's own staff, who work only there. */
	private String receptionist;

	private String cashier;

	private String manager;

	private String staff(String group) {
		String id = code.toLowerCase() + group;
		User user = identityService.newUser(id);
		user.setFirstName("编号");
		user.setLastName(group);
		user.setPassword("demo");
		identityService.saveUser(user);
		identityService.createMembership(id, group);
		identityService.createTenantUserMembership(code, id);
		return id;
	}

	@BeforeEach
	void addTheEstate() {
		HttpResponse<String> added = WebSession.loggedIn(port, "admin").submitMultipart("/", "/estates",
				Map.of("requestId", UUID.randomUUID().toString(), "name", estateName, "code", code, "address", "编号路 1 号"),
				List.of(new FilePart("file", "楼栋房屋.csv", "text/csv",
						EstateImportIntegrationTests.csv(EstateImportIntegrationTests.units(building, 1, 2, 2), true))));
		assertThat(added.statusCode()).isEqualTo(302);
		receptionist = staff("reception");
		cashier = staff("cashier");
		manager = staff("manager");
		units = List.of(building + "-1-101", building + "-1-201", building + "-2-101", building + "-2-201");
	}

	@Test
	void shouldNumberEachEstatesCasesAndReceiptsInItsOwnGaplessSeries() {
		String day = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
		List<String> ours = new ArrayList<>();
		List<String> tianxiacheng = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ours.add(registerComplaint(receptionist, units.get(i)));
			if (i < 2) {
				tianxiacheng.add(registerComplaint("receptionist", "1-1-502"));
			}
		}

		assertThat(ours).containsExactly(code + "-TS-" + day + "-0001", code + "-TS-" + day + "-0002",
				code + "-TS-" + day + "-0003");
		assertThat(tianxiacheng).allMatch(number -> number.startsWith("TXC-TS-" + day + "-"));
		assertGapless("service_case", "case_number", code, code + "-TS-" + day + "-");
		assertGapless("service_case", "case_number", "TXC", "TXC-TS-" + day + "-");

		String year = String.valueOf(LocalDate.now(clock).getYear());
		String first = receipt(cashier, unitId(units.get(0)));
		receipt("cashier", unitId("1-1-502"));
		String second = receipt(cashier, unitId(units.get(1)));

		assertThat(List.of(first, second)).containsExactly(code + "-SK" + year + "-000001", code + "-SK" + year + "-000002");
		assertGapless("payment", "receipt_number", code, code + "-SK" + year + "-");
		assertGapless("payment", "receipt_number", "TXC", "TXC-SK" + year + "-");
	}

	@Test
	void shouldCheckACertificateByItsNumberAloneAndNameItsEstate() throws Exception {
		String owner = HouseholdImportIntegrationTests.name();
		HttpResponse<String> owners = WebSession.loggedIn(port, "admin").submitMultipart("/", "/estates/households",
				Map.of("householdsRequestId", UUID.randomUUID().toString(), "estate", code, "kind", "OWNER"),
				List.of(new FilePart("file", "业主.csv", "text/csv", HouseholdImportIntegrationTests.csv(
						"房号,姓名,身份证号,手机号,备用电话,入住日期", List.of(units.get(0) + "," + owner + ","
								+ HouseholdImportIntegrationTests.idNumber() + "," + HouseholdImportIntegrationTests.phone()
								+ ",,2019-05-01")))));
		assertThat(owners.statusCode()).isEqualTo(302);

		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, receptionist, HttpMethod.POST,
				"/api/assistance-requests", "{\"requestId\":\"" + UUID.randomUUID() + "\",\"unitNumber\":\"" + units.get(0)
						+ "\",\"ownerName\":\"" + owner + "\",\"kind\":\"RESIDENCE\",\"purpose\":\"SCHOOL_ENROLMENT\","
						+ "\"addressee\":\"编号路小学\"}");
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.CREATED);
		String number = (String) registered.getBody().get("requestNumber");
		String processInstanceId = (String) registered.getBody().get("processInstanceId");
		assertThat(number).isEqualTo(code + "-XZ-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "-0001");
		StaffApi.work(rest, receptionist, task(processInstanceId), StaffApi.vars("requesterVerified", true, "opinion", "核对无误"));
		StaffApi.awaitJobs(managementService, processInstanceId);
		StaffApi.work(rest, manager, task(processInstanceId), StaffApi.vars("sealApproved", true, "opinion", "同意用印"));
		StaffApi.awaitJobs(managementService, processInstanceId);
		String serial = jdbc.queryForObject("""
				select c.serial_number from certificate c join assistance_request r on r.id = c.request_id
				 where r.request_number = ?""", String.class, number);
		assertThat(serial).isEqualTo(code + "-ZM" + LocalDate.now(clock).getYear() + "-000001");
		Matcher printed = CODE.matcher(WebSession.loggedIn(port, receptionist).get("/assistance/" + number + "/certificate").body());
		assertThat(printed.find()).isTrue();

		HttpResponse<String> checked = new WebSession(port)
			.get("/public/certificates?number=" + serial + "&code=" + printed.group());

		assertThat(checked.statusCode()).isEqualTo(200);
		assertThat(checked.body()).contains("证明真实有效", serial, estateName + " " + units.get(0))
			.doesNotContain(owner, "天下城 " + units.get(0));
	}

	@Test
	void shouldRefuseAnEstateCodeThatLeadsOtherKeys() {
		HttpResponse<String> refused = WebSession.loggedIn(port, "admin").submitMultipart("/", "/estates",
				Map.of("requestId", UUID.randomUUID().toString(), "name", "回访小区" + code, "code", "hf", "address", "编号路 2 号"),
				List.of(new FilePart("file", "楼栋房屋.csv", "text/csv",
						EstateImportIntegrationTests.csv(EstateImportIntegrationTests.units(building + 1, 1, 1, 1), true))));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("小区代码不能是 BG、CJ、CY、HF、KH、YJ");
		assertThat(jdbc.queryForObject("select count(*) from estate where code = 'HF'", Integer.class)).isZero();
	}

	/**
	 * The estate's numbers with the prefix, read from the table's records through their units, run
	 * 1, 2, 3 … without a gap, and no record of another estate carries the prefix.
	 */
	private void assertGapless(String table, String column, String estateCode, String prefix) {
		List<String> numbers = jdbc.queryForList("""
				select r.%2$s from %1$s r join unit u on u.id = r.unit_id join building b on b.id = u.building_id
				  join estate e on e.id = b.estate_id where e.code = ? and r.%2$s like ?""".formatted(table, column),
				String.class, estateCode, prefix + "%");
		List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(prefix.length()))).sorted().toList();
		assertThat(sequence).as("%s", numbers).isNotEmpty().isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
		assertThat(jdbc.queryForObject("select count(*) from %s where %s like ?".formatted(table, column), Integer.class,
				prefix + "%")).isEqualTo(numbers.size());
	}

	private String registerComplaint(String receptionist, String unitNumber) {
		ResponseEntity<Map<String, Object>> registered = StaffApi.call(rest, receptionist, HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"王先生\",\"channel\":\"PHONE\",\"category\":\"噪音扰民\",\"urgency\":\"NORMAL\","
						+ "\"description\":\"夜间施工\"}");
		assertThat(registered.getStatusCode()).as("%s", registered.getBody()).isEqualTo(HttpStatus.OK);
		return (String) registered.getBody().get("caseNumber");
	}

	private String receipt(String cashier, long unitId) {
		ResponseEntity<Map<String, Object>> paid = StaffApi.call(rest, cashier, HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + unitId
						+ ",\"amount\":10.00,\"method\":\"CASH\"}");
		assertThat(paid.getStatusCode()).as("%s", paid.getBody()).isEqualTo(HttpStatus.OK);
		return (String) paid.getBody().get("receiptNumber");
	}

	private long unitId(String unitNumber) {
		return jdbc.queryForObject("select id from unit where number = ?", Long.class, unitNumber);
	}

	private String task(String processInstanceId) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
	}

}
