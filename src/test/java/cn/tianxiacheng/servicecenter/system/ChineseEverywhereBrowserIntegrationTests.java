package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestDatabase;
import cn.tianxiacheng.servicecenter.casework.ComplaintProcess;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff see Chinese everywhere they work: every page of the app, Tasklist with its forms, select
 * lists and date pickers, Cockpit and Admin, walked in headless Chromium as the roles that use
 * them. The build fails when one of the English texts that leaked before shows on any of them
 * (the webapps' own words, the form library's, enum names instead of their labels).
 */
@IntegrationTest
class ChineseEverywhereBrowserIntegrationTests {

	/** English that staff saw before: form-js texts, date pickers, webapp words, enum names. */
	static final Pattern KNOWN_ENGLISH = Pattern.compile("\\b(Select|Search|No results|Field is required|Add new"
			+ "|Dashboard|Processes|Decisions|Deployments|Batches|Users|Groups|Authorizations|Tenants|Log out"
			+ "|Welcome|Create task|Start process|Claim|Complete|Save|Add a comment|Created|Due date|Follow-up date"
			+ "|Assignee|Camunda Admin|Camunda Cockpit|Camunda Tasklist"
			+ "|January|February|March|April|June|July|August|September|October|November|December"
			+ "|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
			+ "|NORMAL|URGENT|OCCUPIED|VACANT|RESIDENTIAL|COMPLAINT|SERVICE_REQUEST|REQUESTED|APPROVED|REJECTED"
			+ "|CASH|TRANSFER|ELECTRICITY|WATER|GAS)\\b");

	@LocalServerPort
	int port;

	@Autowired
	FilterService filterService;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	JdbcTemplate jdbc;

	private final List<String> findings = new ArrayList<>();

	@BeforeEach
	void onlyOnce() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
	}

	@Test
	void shouldRecogniseTheEnglishThatLeakedBefore() {
		for (String leaked : List.of("Camunda Admin", "Field is required.", "Select", "November 2026", "URGENT",
				"Create task")) {
			assertThat(KNOWN_ENGLISH.matcher("页面 " + leaked + " 文字").find()).as(leaked).isTrue();
		}
		assertThat(KNOWN_ENGLISH.matcher("天下城物业服务中心 Camunda Platform v7.24.0 UTC ComplaintProcess").find()).isFalse();
	}

	@Test
	void shouldShowNoKnownEnglishOnTheAppsPages() {
		long unitId = jdbc.queryForObject("select min(id) from unit where status = 'OCCUPIED'", Long.class);
		String caseNumber = register("COMPLAINT", "1-1-102", "服务态度");
		try (Browser receptionist = Browser.open(port, 1400).login("receptionist")) {
			for (String page : List.of("/", "/cases", "/cases/new", "/cases/" + caseNumber, "/units", "/units/" + unitId,
					"/cashier", "/cashier/units/" + unitId, "/cashier/report", "/move-ins/new", "/public/statements", "/notices",
					"/surveys", "/fee-standards", "/activities", "/assistance")) {
				receptionist.go(page);
				check(receptionist, "app " + page);
			}
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			for (String page : List.of("/incidents", "/statements", "/repair-plans", "/rounds")) {
				manager.go(page);
				check(manager, "app " + page);
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
					"/camunda/app/admin/default/#/system?section=system-settings-general")) {
				admin.go(page);
				admin.waitFor(By.cssSelector(".ctn-footer, footer"));
				sleepForAngular();
				check(admin, page);
			}
			admin.screenshot("23-cockpit-and-admin-in-chinese");
		}
		assertThat(findings).isEmpty();
	}

	private void check(Browser browser, String where) {
		Matcher english = KNOWN_ENGLISH.matcher(browser.text());
		while (english.find()) {
			findings.add(where + ": \"" + english.group() + "\"");
		}
	}

	private String register(String type, String unitNumber, String category) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"unitNumber\":\"" + unitNumber
						+ "\",\"contactName\":\"冯先生\",\"channel\":\"PHONE\",\"category\":\"" + category
						+ "\",\"urgency\":\"NORMAL\",\"description\":\"检查页面文字\"}").getBody();
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
