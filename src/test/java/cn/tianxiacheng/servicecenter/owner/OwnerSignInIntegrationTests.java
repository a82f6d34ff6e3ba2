package cn.tianxiacheng.servicecenter.owner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The owner channel's sign-in, as the person with the phone (or an attacker without it) uses it: a
 * code per number, its tries and limits, the same answer for a number not on file, and a session
 * that is no staff session.
 */
@IntegrationTest
class OwnerSignInIntegrationTests extends IntegrationTestSupport {

	static final String SENT = "如该号码已登记，验证码已发送";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	LoggedCodes codes;

	@Test
	void shouldSignInWithTheCodeSentToAHouseholdMembersPhone() {
		long unit = occupiedUnit(0);
		String phone = freshPhone();
		onFileAsMember(unit, phone);
		WebSession owner = fromFreshAddress();

		HttpResponse<String> asked = askCode(owner, phone);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).contains(SENT);
		String code = codes.lastCodeFor(phone).orElseThrow();
		assertThat(jdbc.queryForList("select code_hash from owner_login_code where phone_hash = ?", String.class,
				LoginCodes.phoneHash(phone)))
			.as("only the code's hash is kept")
			.hasSize(1)
			.allSatisfy(hash -> assertThat(hash).doesNotContain(code));

		HttpResponse<String> signedIn = signIn(owner, phone, code);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/owner"));
		HttpResponse<String> home = owner.get("/owner");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(unitNumber(unit), "天下城", "家庭成员").doesNotContain("待缴金额");

		assertThat(signIn(owner, phone, code).body()).as("a code signs in once").contains("已失效或已使用");
	}

	@Test
	void shouldShowAnOwnerTheOpenBillsOfTheUnit() {
		long unit = occupiedUnit(2);
		String phone = jdbc.queryForObject("select min(phone) from owner where unit_id = ?", String.class, unit);
		String caseNumber = (String) StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases", "{\"requestId\":\""
				+ UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unitNumber(unit)
				+ "\",\"contactName\":\"业主\",\"channel\":\"PHONE\",\"category\":\"门窗维修\","
				+ "\"urgency\":\"NORMAL\",\"description\":\"阳台门关不严\"}").getBody().get("caseNumber");
		WebSession owner = signedIn(phone);

		assertThat(owner.get("/owner").body()).contains(unitNumber(unit), "业主", "待缴金额", "预存余额", caseNumber,
				"门窗维修");
		long neighbour = occupiedUnit(3);
		String theirs = jdbc.queryForObject("select min(phone) from owner where unit_id = ?", String.class, neighbour);
		assertThat(signedIn(theirs).get("/owner").body()).as("another unit's home").doesNotContain(caseNumber);
	}

	@Test
	void shouldKillACodeAfterFiveWrongTriesButNotThePerson() {
		String phone = freshPhone();
		onFileAsMember(occupiedUnit(0), phone);
		WebSession owner = fromFreshAddress();
		askCode(owner, phone);
		String code = codes.lastCodeFor(phone).orElseThrow();
		String wrong = code.equals("000000") ? "111111" : "000000";

		for (int left = 4; left > 0; left--) {
			HttpResponse<String> refused = signIn(owner, phone, wrong);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("还可再试 " + left + " 次");
		}
		assertThat(signIn(owner, phone, wrong).body()).contains("此验证码已失效");
		HttpResponse<String> tooLate = signIn(owner, phone, code);
		assertThat(tooLate.statusCode()).isEqualTo(400);
		assertThat(tooLate.body()).contains("已失效或已使用");
		assertThat(owner.get("/owner").statusCode()).as("not signed in").isEqualTo(302);

		askCode(owner, phone);
		String next = codes.lastCodeFor(phone).orElseThrow();
		assertThat(signIn(owner, phone, next).statusCode()).isEqualTo(302);
		assertThat(owner.get("/owner").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseTheSixthCodeForANumberInAnHour() {
		String phone = freshPhone();
		onFileAsMember(occupiedUnit(0), phone);
		for (int i = 0; i < 5; i++) {
			assertThat(askCode(fromFreshAddress(), phone).body()).contains(SENT);
		}
		String fifth = codes.lastCodeFor(phone).orElseThrow();

		HttpResponse<String> sixth = askCode(fromFreshAddress(), phone);
		assertThat(sixth.statusCode()).isEqualTo(429);
		assertThat(sixth.body()).contains("次数已达上限").doesNotContain(SENT);
		assertThat(codes.recent().stream().filter(sent -> sent.phone().equals(phone))).hasSize(5);
		assertThat(codes.lastCodeFor(phone)).hasValue(fifth);
	}

	@Test
	void shouldAnswerAnUnknownNumberAlikeAndSendNothing() {
		String known = freshPhone();
		onFileAsMember(occupiedUnit(0), known);
		String unknown = freshPhone();

		HttpResponse<String> forKnown = askCode(fromFreshAddress(), known);
		HttpResponse<String> forUnknown = askCode(fromFreshAddress(), unknown);

		assertThat(forUnknown.statusCode()).isEqualTo(forKnown.statusCode());
		assertThat(withoutToken(forUnknown.body()).replace(unknown, "#"))
			.isEqualTo(withoutToken(forKnown.body()).replace(known, "#"));
		assertThat(codes.lastCodeFor(unknown)).isEmpty();
		WebSession guesser = fromFreshAddress();
		assertThat(signIn(guesser, unknown, "123456").body()).as("a guess is answered as for a number on file")
			.contains("还可再试 4 次");
	}

	@Test
	void shouldRefuseCodeRequestsFromOneAddressPastItsLimit() {
		WebSession prober = fromFreshAddress();
		for (int i = 0; i < 20; i++) {
			assertThat(askCode(prober, freshPhone()).statusCode()).isEqualTo(200);
		}
		String phone = freshPhone();
		onFileAsMember(occupiedUnit(0), phone);

		HttpResponse<String> refused = askCode(prober, phone);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("过于频繁");
		assertThat(codes.lastCodeFor(phone)).isEmpty();
	}

	@Test
	void shouldRefuseAnOwnerSessionOnEveryStaffSurfaceAndChangeNothing() {
		String phone = freshPhone();
		onFileAsMember(occupiedUnit(0), phone);
		WebSession owner = signedIn(phone);
		String token = token(owner.get("/owner").body());
		int cases = jdbc.queryForObject("select count(*) from service_case", Integer.class);

		assertThat(owner.get("/api/cases").statusCode()).isEqualTo(403);
		assertThat(owner.get("/engine-rest/task").statusCode()).isEqualTo(403);
		assertThat(owner.get("/camunda/app/tasklist/").statusCode()).isEqualTo(403);
		assertThat(owner.get("/cases").statusCode()).isEqualTo(403);
		assertThat(owner.get("/units").statusCode()).isEqualTo(403);
		assertThat(owner.get("/owner/dev-codes").statusCode()).isEqualTo(403);
		HttpResponse<String> register = owner.withCookieOnly("POST", "/api/cases", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"" + unitNumber(occupiedUnit(0))
				+ "\",\"contactName\":\"王先生\",\"contactPhone\":\"" + phone + "\",\"channel\":\"PHONE\","
				+ "\"category\":\"门窗维修\",\"urgency\":\"NORMAL\",\"description\":\"阳台门关不严\"}", "X-CSRF-TOKEN", token);
		assertThat(register.statusCode()).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from service_case", Integer.class)).isEqualTo(cases);
	}

	@Test
	void shouldNotTakeAStaffSessionForAnOwner() {
		WebSession receptionist = WebSession.loggedIn(port, "receptionist");

		assertThat(receptionist.get("/owner").statusCode()).isEqualTo(403);
		assertThat(receptionist.get("/owner/units").statusCode()).isEqualTo(403);
		assertThat(receptionist.get("/owner/dev-codes").statusCode()).as("the development page is admin's").isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "admin").get("/owner/dev-codes").body()).contains("开发设置");
		assertThat(new WebSession(port).get("/owner").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/owner/login"));
	}

	@Test
	void shouldSwitchOnlyBetweenThePersonsOwnUnits() {
		long member = occupiedUnit(0);
		long tenancy = occupiedUnit(1);
		long other = occupiedUnit(3);
		String phone = freshPhone();
		onFileAsMember(member, phone);
		jdbc.update("""
				insert into tenant (unit_id, name, id_number, phone, lease_start, lease_end)
				values (?, '租户测试', '110105199001011234', ?, ?, ?)""", tenancy, phone, LocalDate.now(clock).minusDays(30),
				LocalDate.now(clock).plusDays(300));
		WebSession owner = signedIn(phone);

		assertThat(owner.get("/owner/units").body()).contains(unitNumber(member), unitNumber(tenancy), "家庭成员", "租户");
		HttpResponse<String> switched = owner.submit("/owner/units", "/owner/units", "unitId=" + tenancy);
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(owner.get("/owner").body()).contains(unitNumber(tenancy), "租户");

		HttpResponse<String> refused = owner.submit("/owner/units", "/owner/units", "unitId=" + other);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(owner.get("/owner").body()).contains(unitNumber(tenancy)).doesNotContain(unitNumber(other));
	}

	WebSession signedIn(String phone) {
		WebSession owner = fromFreshAddress();
		askCode(owner, phone);
		assertThat(signIn(owner, phone, codes.lastCodeFor(phone).orElseThrow()).statusCode()).isEqualTo(302);
		return owner;
	}

	HttpResponse<String> askCode(WebSession session, String phone) {
		return session.submit("/owner/login", "/owner/login/code", "phone=" + phone);
	}

	HttpResponse<String> signIn(WebSession session, String phone, String code) {
		return session.submit("/owner/login", "/owner/login", "phone=" + phone + "&code=" + code);
	}

	/** Each test its own client address, so the limits per address of one test do not touch another. */
	WebSession fromFreshAddress() {
		int n = ADDRESSES.incrementAndGet();
		return WebSession.from(port, "10.24." + (n / 250) + "." + (n % 250 + 1));
	}

	/** A number no one holds: 199, the time and a count. */
	static String freshPhone() {
		return "199" + String.format("%05d%03d", System.currentTimeMillis() / 1000 % 100_000, PHONES.incrementAndGet() % 1000);
	}

	/** Units of the middle of 天下城, away from those other tests take first or last. */
	long occupiedUnit(int nth) {
		List<Long> units = jdbc.queryForList("""
				select u.id from unit u join building b on b.id = u.building_id
				 where b.estate_id = """ + TIANXIACHENG + """
				  and u.status = 'OCCUPIED' and exists (select 1 from owner o where o.unit_id = u.id)
				 order by u.id offset 250 rows fetch first 5 rows only""", Long.class);
		return units.get(nth);
	}

	String unitNumber(long unit) {
		return jdbc.queryForObject("select number from unit where id = ?", String.class, unit);
	}

	void onFileAsMember(long unit, String phone) {
		jdbc.update("insert into resident (unit_id, name, relation, phone) values (?, '测试家人', '子女', ?)", unit, phone);
	}

	static String token(String page) {
		Matcher csrf = CSRF.matcher(page);
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

	static String withoutToken(String page) {
		return CSRF.matcher(page).replaceAll("");
	}

}
