package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.casework.ComplaintProcess;
import cn.tianxiacheng.servicecenter.evaluation.StaffEvaluationProcess;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;

/**
 * Staff see Chinese everywhere they work: every page of the app, Tasklist with its forms, select
 * lists and date pickers, Cockpit and Admin, walked in headless Chromium as the roles that use
 * them. The build fails when one of the English texts that leaked before shows on any of them
 * (the webapps' own words, the form library's, enum names instead of their labels), or what the
 * engine stores shows as stored: on the audit story, Cockpit's variables and user tasks, Admin's
 * groups, authorizations and profile, the CSV exports and Tasklist's cards (ISO times, variable
 * names, login ids, billing run keys).
 */
@IntegrationTest
class ChineseEverywhereBrowserIntegrationTests extends BrowserTestSupport {

	/** English that staff saw before: form-js texts, date pickers, webapp words, enum names. */
	static final Pattern KNOWN_ENGLISH = Pattern.compile("\\b(Select|Search|No results|Field is required|Add new"
			+ "|Dashboard|Processes|Decisions|Deployments|Batches|Users|Groups|Authorizations|Tenants|Log out"
			+ "|Welcome|Create task|Start process|Claim|Complete|Save|Add a comment|Created|Due date|Follow-up date"
			+ "|Assignee|Camunda Admin|Camunda Cockpit|Camunda Tasklist"
			+ "|January|February|March|April|June|July|August|September|October|November|December"
			+ "|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
			+ "|NORMAL|URGENT|OCCUPIED|VACANT|RESIDENTIAL|COMPLAINT|SERVICE_REQUEST|REQUESTED|APPROVED|REJECTED"
			+ "|CASH|TRANSFER|ELECTRICITY|WATER|GAS"
			+ "|SYSTEM|WORKFLOW|ACCESS|ALL|READ|UPDATE|DELETE|CREATE_INSTANCE|Actions|null|Execute|Zoom|Reset"
			+ "|REPAIR_SERVICE|BILLING-MONTHLY-[0-9-]+|YJ-\\d+)\\b");

	/**
	 * What the engine and the database store, shown as stored: ISO times, times to the microsecond,
	 * {@code name=value} pairs, variable names in camelCase.
	 */
	static final Pattern RAW = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d+"
			+ "|\\b[a-z]+=\\w|\\b[a-z]+[A-Z]\\w*\\b");

	/** Login and group ids, where staff should read names (Admin's own pages aside). */
	static final Pattern STAFF_IDS = Pattern.compile("\\b(receptionist2?|cashier|manager|director|engineer|engineering"
			+ "|guard|cleaner|auditor|reception|security|cleaning|system)\\b");

	/** The diagram's buttons' tooltips, in lower case. */
	static final Pattern TOOLTIPS = Pattern.compile("(?i)\\b(zoom|reset)\\b");

	/** The types Cockpit gives variables. */
	static final Pattern VARIABLE_TYPES = Pattern.compile("\\b(String|Boolean|Integer|Long|Double|Date|Json|Object)\\b");

	private final List<String> findings = new ArrayList<>();

	@Test
	void shouldRecogniseTheEnglishThatLeakedBefore() {
		for (String leaked : List.of("Camunda Admin", "Field is required.", "Select", "November 2026", "URGENT",
				"Create task")) {
			assertThat(KNOWN_ENGLISH.matcher("页面 " + leaked + " 文字").find()).as(leaked).isTrue();
		}
		assertThat(KNOWN_ENGLISH.matcher("天下城物业服务中心 Camunda Platform v7.24.0 UTC ComplaintProcess").find()).isFalse();
		for (String leaked : List.of("BILLING-MONTHLY-2026-12", "YJ-1316", "ACCESS", "ALL", "WORKFLOW", "Actions", "null",
				"Execute", "REPAIR_SERVICE")) {
			assertThat(KNOWN_ENGLISH.matcher("页面 " + leaked + " 文字").find()).as(leaked).isTrue();
		}
		for (String raw : List.of("2026-12-07T09:36:00", "2026-12-07 09:36:12.345678", "assignee=engineer", "delete=true",
				"detailsPath")) {
			assertThat(RAW.matcher("页面 " + raw + " 文字").find()).as(raw).isTrue();
		}
		assertThat(STAFF_IDS.matcher("处理人 engineer").find()).isTrue();
		assertThat(RAW.matcher("KH-2026-12A-001 2026-12-07 09:36 2026年12月7日 BX-20261207-0001").find()).isFalse();
	}

	@Test
	void shouldShowNoKnownEnglishOnTheAppsPages() {
		long unitId = jdbc.queryForObject(
				"select min(id) from unit where status = 'OCCUPIED' and building_id in " + TIANXIACHENG_BUILDINGS, Long.class);
		String caseNumber = register("COMPLAINT", "1-1-102", "服务态度");
		try (Browser receptionist = Browser.open(port, 1400).login("receptionist")) {
			for (String page : List.of("/", "/cases", "/cases/new", "/cases/" + caseNumber, "/units", "/units/" + unitId,
					"/cashier", "/cashier/units/" + unitId, "/cashier/report", "/move-ins/new", "/public/statements", "/notices",
					"/surveys", "/fee-standards", "/activities", "/assistance")) {
				receptionist.go(page);
				check(receptionist, "app " + page);
				checkNames(receptionist, "app " + page);
			}
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			for (String page : List.of("/incidents", "/statements", "/repair-plans", "/rounds", "/evaluations",
					"/evaluations/standards", "/dashboard", "/audit")) {
				manager.go(page);
				check(manager, "app " + page);
				checkNames(manager, "app " + page);
			}
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void shouldShowNoKnownEnglishInTasklistItsFormsSelectListsAndDatePickers() {
		String caseNumber = register("SERVICE_REQUEST", "1-1-103", "水电维修");
		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			engineer.openTask(filterService, "待领取 · 工程部", caseNumber);
			engineer.click(By.cssSelector("button.claim"));
			engineer.click(By.cssSelector("[id$=Field_appointmentAt-date]"));
			engineer.waitFor(By.cssSelector(".flatpickr-calendar.open"));
			engineer.screenshot("20-tasklist-date-picker-in-chinese");
			assertThat(engineer.text()).contains("月");
			check(engineer, "Tasklist appointment form with its date picker");
			engineer.click(By.xpath("//a[contains(., '发起流程')]"));
			engineer.waitFor(By.cssSelector(".modal-dialog"));
			check(engineer, "Tasklist start process dialog");
			engineer.screenshot("21-tasklist-start-process-dialog");
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			String complaint = register("COMPLAINT", "1-1-104", "服务态度");
			manager.openTask(filterService, "全部待办", complaint);
			manager.waitFor(By.cssSelector("[id$=Field_opinion]"));
			check(manager, "Tasklist first response form");
			manager.screenshot("22-tasklist-form-for-the-manager");
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void shouldShowNoKnownEnglishInCockpitAndAdmin() {
		String complaint = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(ComplaintProcess.KEY)
			.latestVersion()
			.singleResult()
			.getId();
		try (Browser admin = Browser.open(port, 1400).login("admin")) {
			for (String page : List.of("/camunda/app/cockpit/default/#/dashboard", "/camunda/app/cockpit/default/#/processes",
					"/camunda/app/cockpit/default/#/process-definition/" + complaint + "/runtime",
					"/camunda/app/cockpit/default/#/decisions", "/camunda/app/cockpit/default/#/repository",
					"/camunda/app/admin/default/#/users", "/camunda/app/admin/default/#/groups",
					"/camunda/app/admin/default/#/authorization?resource=0",
					"/camunda/app/admin/default/#/authorization?resource=6",
					"/camunda/app/admin/default/#/groups/engineering?tab=group",
					"/camunda/app/admin/default/#/system?section=system-settings-general")) {
				admin.go(page);
				admin.waitFor(By.cssSelector(".ctn-footer, footer"));
				sleepForAngular();
				check(admin, page);
			}
			admin.screenshot("23-cockpit-and-admin-in-chinese");
			admin.go("/camunda/app/admin/default/#/users/receptionist?tab=profile");
			String surname = admin.find(By.xpath("//label[normalize-space(.)='姓*']/following::input[1]"))
				.getDomProperty("value");
			String given = admin.find(By.xpath("//label[normalize-space(.)='名*']/following::input[1]")).getDomProperty("value");
			admin.screenshot("24-admin-user-profile");
			if (!(surname + given).equals("王丽")) {
				findings.add("Admin profile of receptionist: 姓 \"" + surname + "\", 名 \"" + given + "\"");
			}
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void shouldTellTheAuditStoryInChineseWords() {
		String repair = register("SERVICE_REQUEST", "1-1-202", "水电维修", "URGENT");
		StaffApi.work(rest, "engineer", task(repair).getId(),
				StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		StaffApi.work(rest, "engineer", task(repair).getId(), StaffApi.vars("workResult", "DONE", "chargeCode1",
				"REPAIR_SERVICE", "chargeQuantity1", 1, "opinion", "换阀门"));
		StaffApi.awaitJobs(managementService, runtimeProcess(repair));
		try (Browser auditor = Browser.open(port, 1400).login("auditor")) {
			auditor.go("/audit/cases/" + repair);
			auditor.waitFor(By.cssSelector("table.story"));
			auditor.screenshot("25-audit-story-in-chinese");
			check(auditor, "audit story " + repair);
			checkNames(auditor, "audit story " + repair);
			String visit = "HF-" + repair;
			if (historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(visit).count() > 0) {
				auditor.go("/audit/cases/" + visit);
				auditor.waitFor(By.cssSelector("table.story"));
				check(auditor, "audit story " + visit);
				checkNames(auditor, "audit story " + visit);
			}
			auditor.go("/audit?caseNumber=" + repair);
			check(auditor, "audit list");
			checkNames(auditor, "audit list");
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void shouldShowCockpitsVariablesInChinese() {
		String repair = register("SERVICE_REQUEST", "1-1-203", "水电维修", "URGENT");
		StaffApi.work(rest, "engineer", task(repair).getId(),
				StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "约好"));
		for (String user : List.of("manager", "admin")) {
			try (Browser cockpit = Browser.open(port, 1400).login(user)) {
				cockpit.go("/camunda/app/cockpit/default/#/process-instance/" + runtimeProcess(repair)
						+ "/runtime?tab=variables-tab");
				cockpit.waitFor(By.xpath("//td[contains(., '" + repair + "')]"));
				sleepForAngular();
				cockpit.screenshot("26-cockpit-variables-in-chinese-" + user);
				String where = "Cockpit variables of " + repair + " seen by " + user;
				check(cockpit, where);
				checkNames(cockpit, where);
				check(cockpit.text(), where, VARIABLE_TYPES);
				check(titles(cockpit), where + " (tooltips)", KNOWN_ENGLISH, RAW, TOOLTIPS);
				cockpit.go("/camunda/app/cockpit/default/#/process-instance/" + runtimeProcess(repair)
						+ "/runtime?tab=user-tasks-tab");
				cockpit.waitFor(By.cssSelector("td.assignee"));
				sleepForAngular();
				check(cockpit, "Cockpit user tasks of " + repair + " seen by " + user);
				checkNames(cockpit, "Cockpit user tasks of " + repair + " seen by " + user);
			}
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void shouldShowTasklistCardsInChinese() {
		String repair = register("SERVICE_REQUEST", "1-1-204", "水电维修", "URGENT");
		try (Browser engineer = Browser.open(port, 1400).login("engineer")) {
			String card = engineer.taskCard(filterService, "待领取 · 工程部", repair).getText();
			engineer.screenshot("27-tasklist-card-in-chinese");
			check(card, "Tasklist card " + repair, KNOWN_ENGLISH, RAW, STAFF_IDS);
			assertThat(card).as("the engine's priority means nothing to staff").doesNotContainPattern("\\b50\\b");
		}
		assertThat(findings).isEmpty();
	}

	@Test
	void shouldWriteCsvExportsInChineseAndMinutes() {
		String repair = register("SERVICE_REQUEST", "1-1-301", "水电维修", "URGENT");
		StaffApi.awaitJobs(managementService, runtimeService.createProcessInstanceByKey(StaffEvaluationProcess.RUN_KEY)
			.startBeforeActivity("Task_StartEvaluations")
			.execute()
			.getId());
		String month = YearMonth.now(clock).toString();
		LocalDate today = LocalDate.now(clock);
		WebSession manager = WebSession.loggedIn(port, "manager");
		for (String csv : List.of("/cases?format=csv", "/audit?format=csv&caseNumber=" + repair,
				"/evaluations?format=csv&day=" + today.minusDays(16), "/evaluations?format=csv",
				"/api/reports/collection?format=csv&period=" + month, "/api/reports/arrears?format=csv",
				"/api/reports/statement?format=csv&period=" + month,
				"/api/release-reports?format=csv&from=" + today.minusDays(7) + "&to=" + today)) {
			var answer = manager.get(csv);
			assertThat(answer.statusCode()).as(csv).isEqualTo(200);
			check(answer.body(), "CSV " + csv, KNOWN_ENGLISH, RAW, STAFF_IDS);
		}
		assertThat(findings).isEmpty();
	}

	/** What the page shows, but Tasklist's search pills: the variable names a search was made with. */
	private void check(Browser browser, String where) {
		check(shown(browser), where, KNOWN_ENGLISH, RAW);
	}

	private static String shown(Browser browser) {
		String text = browser.text();
		for (var search : browser.driver().findElements(By.cssSelector("[cam-widget-search-pill]"))) {
			text = text.replace(search.getText(), "");
		}
		return text;
	}

	private void checkNames(Browser browser, String where) {
		check(shown(browser), where, STAFF_IDS);
	}

	/**
	 * The tooltips of what is shown (the diagram's zoom buttons). The copy buttons' tooltips
	 * (点击复制“caseNumber”) name the stored text they copy, and stay so.
	 */
	private static String titles(Browser browser) {
		return (String) browser.driver()
			.executeScript("return Array.from(document.querySelectorAll('[title]'))"
					+ ".filter(e => e.offsetParent !== null).map(e => e.getAttribute('title')).join('\\n')");
	}

	private void check(String text, String where, Pattern... patterns) {
		for (Pattern pattern : patterns) {
			Matcher english = pattern.matcher(text);
			while (english.find()) {
				findings.add(where + ": \"" + english.group() + "\"");
			}
		}
	}

	private String register(String type, String unitNumber, String category) {
		return register(type, unitNumber, category, "NORMAL");
	}

	private Task task(String caseNumber) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
	}

	private String runtimeProcess(String caseNumber) {
		return historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.singleResult()
			.getId();
	}

	private String register(String type, String unitNumber, String category, String urgency) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"冯先生\",\"channel\":\"PHONE\",\"category\":\"" + category
						+ "\",\"urgency\":\"" + urgency + "\",\"description\":\"检查页面文字\"}").getBody();
		return (String) registered.get("caseNumber");
	}

	/** The webapps render their views after the footer; a short pause lets the view's texts arrive. */
	private static void sleepForAngular() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
