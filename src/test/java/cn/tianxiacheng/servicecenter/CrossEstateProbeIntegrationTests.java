package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.awt.Color;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.tianxiacheng.servicecenter.OpenTasks.OpenTask;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import cn.tianxiacheng.servicecenter.evaluation.StaffEvaluationProcess;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;

/**
 * The cross-estate probe: a staff member of another estate, in every work group (so only the estate
 * boundary can refuse), asks for 天下城's records by their ids and numbers on every endpoint of the
 * app that names a record in its path or its query, on {@code /engine-rest} and on the webapps' API,
 * and gets 403 or 404, or a list without the record; no answer carries 天下城's name or the name on
 * the record. The endpoints come from Spring's own request mappings: one that names a record and
 * has no probe in {@link #probes()} fails, named by its method and pattern.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossEstateProbeIntegrationTests extends IntegrationTestSupport {

	/** Query parameters that name a record (a unit, a case, a pass, a space, a staff member, a building…). */
	private static final Set<String> RECORD_PARAMS = Set.of("unit", "unitId", "number", "passNumber", "space",
			"spaceNumber", "staff", "caseNumber", "assignee", "building", "q", "code", "imported");

	private static final String TXC = "(select id from estate where code = 'TXC')";

	private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	EstateTenants tenants;

	@Autowired
	OpenTasks openTasks;

	@Autowired
	CaseFees caseFees;

	@Autowired
	Photos photos;

	private String prober;

	private WebSession proberSession;

	private List<OpenTask> processes;

	@BeforeAll
	void tianxiachengRecordsAndAProberOfAnotherEstate() throws InterruptedException {
		OtherEstate other = OtherEstate.create(jdbc, tenants, identityService);
		prober = other.estate().code().toLowerCase() + "prober";
		User user = identityService.newUser(prober);
		user.setFirstName("测试");
		user.setLastName("探查员");
		user.setPassword("demo");
		identityService.saveUser(user);
		for (StaffGroup group : List.of(StaffGroup.RECEPTION, StaffGroup.CASHIER, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
				StaffGroup.ENGINEERING, StaffGroup.ENGINEERING_LEAD, StaffGroup.SECURITY, StaffGroup.CLEANING)) {
			identityService.createMembership(prober, group.id());
		}
		identityService.createTenantUserMembership(other.estate().code(), prober);
		proberSession = WebSession.loggedIn(port, prober);

		processes = openTasks.ofEveryProcess();
		taskService.claim(processes.get(0).taskId(), "receptionist");
		makeTianxiachengRecordsTheProcessesDoNotMake();
	}

	/**
	 * How each endpoint that names a record is probed, keyed by its method and pattern: the request
	 * (with a query, a form or a JSON body where it takes one), and the SQL that picks 天下城's record
	 * whose columns fill the {placeholders}; its {@code marker} column is what the answer must not
	 * show. A probe with a query is of a list or search: it may answer 200, without the marker.
	 */
	private List<Probe> probes() {
		String unitOwner = "select a.unit_id as id, a.unit_id as unitId, a.unit_number as unit, a.building_number as building,"
				+ " o.name as marker from owner o join unit_address a on a.unit_id = o.unit_id where a.estate_id = " + TXC
				+ newest("o");
		String aCase = "select c.case_number as caseNumber, c.contact_name as marker from service_case c" + inTxc("c")
				+ newest("c");
		String caseOfUnit = "select a.unit_number as unit, a.building_number as building, c.case_number as marker"
				+ " from service_case c" + inTxc("c") + newest("c");
		String lease = "select l.lease_number as leaseNumber, l.lessee_name as marker, (select max(s.number) from"
				+ " parking_space s where s.estate_id = " + TXC + " and s.status = 'VACANT') as spaceNumber"
				+ " from parking_lease l" + inTxc("l") + newest("l");
		String waitlist = "select w.id as entryId, w.applicant_name as marker from parking_waitlist w" + inTxc("w")
				+ newest("w");
		String activity = "select a.activity_number as number, a.title as marker from community_activity a where "
				+ ownEstate("community_activity", "a") + newest("a");
		String round = "select r.round_number as number, c.id as checkpointId from inspection_round r"
				+ " join inspection_checkpoint c on c.route_id = r.route_id where " + ownEstate("inspection_round", "r")
				+ newest("r");
		String payment = "select p.id as paymentId, p.unit_id as id, p.receipt_number as marker from payment p"
				+ inTxc("p") + newest("p");
		String bill = "select b.id as billId, b.unit_id as id from bill b" + inTxc("b") + newest("b");
		String pass = "select p.pass_number as passNumber, p.applicant_name as marker, a.unit_id as unitId,"
				+ " a.unit_number as unit from release_pass p" + inTxc("p") + newest("p");
		String archive = "select r.id as id, a.unit_id as unitId, o.name as marker, o.id as ownerId from owner_archive r"
				+ inTxc("r") + " join owner o on o.unit_id = r.unit_id" + newest("r");
		String survey = "select s.id as id, s.title as marker, a.unit_id as unitId, a.unit_number as unitNumber"
				+ " from survey s join survey_target t on t.survey_id = s.id" + inTxc("t") + newest("s");
		String plan = "select p.plan_number as number, p.item as marker from repair_plan p where "
				+ ownEstate("repair_plan", "p") + newest("p");
		String assistance = "select r.request_number as number, r.requester_name as marker from assistance_request r"
				+ inTxc("r") + newest("r");
		String decoration = "select d.decoration_number as number, d.applicant_name as marker from decoration d"
				+ inTxc("d") + newest("d");
		String reversal = "reason=" + encode("收错了");
		String depositRefund = "deduction=0&reason=" + encode("退还押金") + "&method=CASH";
		return List.of(
				// 房屋 · units
				get("/units/{id}").from(unitOwner),
				get("/api/units/{id}").from(unitOwner),
				get("/units").query("?q={unit}").from(unitOwner),
				get("/units").query("?building={building}").from(caseOfUnit.replace("c.case_number as marker",
						"a.unit_number as marker")),
				get("/api/units").query("?q={unit}").from(unitOwner),
				get("/api/units").query("?building={building}")
					.from(caseOfUnit.replace("c.case_number as marker", "a.unit_number as marker")),
				excluded("GET /estates", "imported names an import of the admin's, who works across estates"),
				post("/estate").form("to=TXC").from("select code from estate where code = 'TXC'"),
				post("/estates/{code}/gates").form("gates=" + encode("北门")).from("select code from estate where code = 'TXC'"),
				post("/estates/{code}/hours").form("timeZone=Europe%2FLondon&officeHours=09:00-18:00&worksHours=09:00-17:00")
					.from("select code from estate where code = 'TXC'"),
				// 案件 · cases
				get("/cases/{caseNumber}").from(aCase),
				get("/api/cases/{caseNumber}").from(aCase),
				get("/cases/{caseNumber}/work-order").from(aCase),
				get("/cases").query("?unit={unit}").from(caseOfUnit),
				get("/cases").query("?building={building}").from(caseOfUnit),
				post("/cases/{caseNumber}/contact-name").form("name=" + encode("王先生")).from(aCase),
				post("/cases/{caseNumber}/contact-phone").form("phone=13900001111").from(aCase),
				post("/cases/{caseNumber}/arrival").form("x=1").from(aCase),
				post("/cases/{caseNumber}/photos").upload("stage=BEFORE").from(aCase),
				get("/cases/{caseNumber}/photos/{photoId}").from(photo("CASE", "caseNumber")),
				post("/cases/{caseNumber}/tasks/{taskId}/hand-on").form("to=engineer")
					.from("select c.case_number as caseNumber, t.id_ as taskId, c.contact_name as marker from service_case c"
							+ inTxc("c") + " join act_ru_task t on t.proc_inst_id_ = c.process_instance_id" + newest("c")),
				post("/cases/{caseNumber}/charges/{billId}/correction")
					.form("requestId=" + UUID.randomUUID() + "&reason=" + encode("收费有误"))
					.from("select (" + aCase.replace(", c.contact_name as marker", "") + ") as caseNumber, ("
							+ bill.replace(", b.unit_id as id", "") + ") as billId from estate where code = 'TXC'"),
				// 审计与看板 · audit and dashboard
				get("/audit/cases/{caseNumber}").from(aCase),
				get("/api/audit/cases/{caseNumber}/story").from(aCase),
				get("/audit").query("?unit={unit}").from(caseOfUnit),
				get("/api/audit/cases").query("?unit={unit}").from(caseOfUnit),
				get("/api/audit/cases").query("?caseNumber={caseNumber}").from(aCase.replace("c.contact_name as marker",
						"c.case_number as marker")),
				get("/dashboard/tasks").query("?assignee={assignee}")
					.from("select t.assignee_ as assignee, e.business_key_ as marker from act_ru_task t join act_ru_execution e"
							+ " on e.id_ = t.proc_inst_id_ where t.tenant_id_ = 'TXC' and t.assignee_ is not null"
							+ " order by t.create_time_ desc fetch first 1 rows only"),
				// 入住 · move-ins
				get("/move-ins/{caseNumber}").from("select m.case_number as caseNumber, p.name as marker from move_in m"
						+ inTxc("m") + " join move_in_person p on p.move_in_id = m.id" + newest("m")),
				// 收费 · fees
				get("/api/units/{id}/account").from(unitOwner),
				get("/cashier/units/{id}").from(unitOwner),
				get("/cashier").query("?number={unit}").from(unitOwner),
				get("/api/payments/{id}").from(payment.replace("p.id as paymentId, p.unit_id as id", "p.id as id")),
				get("/cashier/receipts/{paymentId}").from(payment),
				post("/api/payments/{id}/reversal").json("{\"reason\":\"收错了\"}")
					.from(payment.replace("p.id as paymentId, p.unit_id as id", "p.id as id")),
				post("/cashier/units/{id}/payments").form("idempotencyKey=" + UUID.randomUUID() + "&amount=1.00&method=CASH")
					.from(unitOwner),
				post("/cashier/units/{id}/payments/{paymentId}/reversal").form(reversal).from(payment),
				post("/api/bills/{id}/deposit-refund").json("{\"deduction\":0,\"reason\":\"退还押金\",\"method\":\"CASH\"}")
					.from(bill.replace("b.id as billId, b.unit_id as id", "b.id as id")),
				post("/api/bills/{id}/reversal").json("{\"reason\":\"账单有误\"}")
					.from(bill.replace("b.id as billId, b.unit_id as id", "b.id as id")),
				post("/cashier/units/{id}/bills/{billId}/reversal").form(reversal).from(bill),
				post("/cashier/units/{id}/bills/{billId}/deposit-refund").form(depositRefund).from(bill),
				get("/cashier/refunds/{refundId}").from("select r.id as refundId from refund r" + inTxc("r") + newest("r")),
				get("/cashier/billing-runs/{requestId}")
					.from("select r.request_id as requestId from billing_run_request r where "
							+ ownEstate("billing_run_request", "r") + " order by r.requested_at desc fetch first 1 rows only"),
				// 财务 · statements and collection
				get("/collection/buildings/{building}/notices")
					.from("select b.number as building from building b where b.estate_id = " + TXC
							+ " and b.number not in (select b2.number from building b2 where b2.estate_id <> " + TXC + ")"
							+ newest("b")),
				excluded("POST /statements/{period}/expenses",
						"{period} is a month of the staff's own estate's statement, not a record of another estate"),
				excluded("POST /statements/{period}/publication",
						"{period} is a month of the staff's own estate's statement, not a record of another estate"),
				excluded("POST /api/reports/statement/{period}/publication",
						"{period} is a month of the staff's own estate's statement, not a record of another estate"),
				// 车位 · parking
				get("/api/parking-leases/{leaseNumber}").from(lease),
				get("/parking/leases/{leaseNumber}").from(lease),
				get("/parking/leases/new").query("?space={space}")
					.from("select s.number as space, s.location as marker from parking_space s where s.estate_id = " + TXC
							+ " and s.status = 'VACANT'" + newest("s")),
				post("/api/parking-leases/{leaseNumber}/renewals").json("{\"months\":1}").from(lease),
				post("/parking/leases/{leaseNumber}/renewals").form("months=1").from(lease),
				post("/api/parking-leases/{leaseNumber}/plates").json("{\"plates\":[\"京A9P001\"]}").from(lease),
				post("/parking/leases/{leaseNumber}/plates").form("plates=" + encode("京A9P001")).from(lease),
				post("/api/parking-leases/{leaseNumber}/transfer").json("{\"spaceNumber\":\"{spaceNumber}\"}").from(lease),
				post("/parking/leases/{leaseNumber}/transfer").form("spaceNumber={spaceNumber}").from(lease),
				post("/api/parking-leases/{leaseNumber}/termination")
					.json("{\"lastDay\":\"" + TODAY + "\",\"reason\":\"退租\",\"method\":\"CASH\"}")
					.from(lease),
				post("/parking/leases/{leaseNumber}/termination")
					.form("lastDay=" + TODAY + "&reason=" + encode("退租") + "&method=CASH")
					.from(lease),
				post("/api/parking-waitlist/{entryId}/withdrawal").json("{\"reason\":\"不需要了\"}").from(waitlist),
				post("/parking/waitlist/{entryId}/withdrawal").form("reason=" + encode("不需要了")).from(waitlist),
				// 放行 · release passes and the gate
				get("/api/release-passes/{passNumber}").from(pass),
				get("/release-passes/{passNumber}").from(pass),
				get("/api/release-passes").query("?unitId={unitId}").from(pass),
				get("/release-passes").query("?unit={unit}").from(pass),
				post("/api/release-passes/{passNumber}/revocation").json("{\"reason\":\"作废\"}").from(pass),
				post("/release-passes/{passNumber}/revocation").form("reason=" + encode("作废")).from(pass),
				excluded("POST /gate/scan", "a pass is checked with its signed code: by its number alone the gate refuses"
						+ " (400) before any lookup"),
				excluded("POST /gate/checks", "a pass is checked with its signed code: by its number alone the gate refuses"
						+ " (400) before any lookup"),
				// 装修 · decorations
				get("/decorations/{number}").from(decoration),
				get("/api/decorations/{number}").from(decoration),
				get("/decorations/{number}/permit").from(decoration),
				get("/decorations").query("?building={building}")
					.from("select a.building_number as building, d.decoration_number as marker from decoration d"
							+ inTxc("d") + "" + newest("d")),
				get("/api/decorations").query("?building={building}")
					.from("select a.building_number as building, d.decoration_number as marker from decoration d"
							+ inTxc("d") + "" + newest("d")),
				get("/decorations/{number}/photos/{photoId}").from(photo("DECORATION", "number")),
				post("/decorations/{number}/violations")
					.form("source=PATROL&description=" + encode("擅自改动承重墙") + "&rectifyBy=" + TODAY)
					.from(decoration),
				post("/api/decorations/{number}/violations")
					.json("{\"source\":\"PATROL\",\"description\":\"擅自改动承重墙\",\"serious\":false,\"rectifyBy\":\"" + TODAY
							+ "\"}")
					.from(decoration),
				post("/decorations/{number}/patrols").form("notes=" + encode("现场整洁")).from(decoration),
				post("/api/decorations/{number}/patrols").json("{\"notes\":\"现场整洁\"}").from(decoration),
				post("/decorations/{number}/extension-requests").form("newEnd=" + TODAY + "&reason=" + encode("工期延误"))
					.from(decoration),
				post("/api/decorations/{number}/extension-requests")
					.json("{\"newEnd\":\"" + TODAY + "\",\"reason\":\"工期延误\"}")
					.from(decoration),
				post("/decorations/{number}/completion-application").form("x=1").from(decoration),
				post("/api/decorations/{number}/completion-application").json("{}").from(decoration),
				post("/decorations/{number}/objections").form("description=" + encode("扣款有误")).from(decoration),
				post("/api/decorations/{number}/objections").json("{\"description\":\"扣款有误\"}").from(decoration),
				// 开具证明 · assistance
				get("/assistance/{number}").from(assistance),
				get("/assistance/{number}/certificate").from(assistance),
				get("/api/assistance-requests/{number}").from(assistance),
				excluded("GET /public/certificates", "the public verification works with the number alone (point 3)"),
				// 业主服务 · owner channel: no staff session gets past its chain (OwnerSignInIntegrationTests)
				excluded("POST /owner/login", "code is a one-time sign-in code, not a record"),
				excluded("POST /owner/units", "an owner's unit: staff are refused, an owner switches only to a unit on file"),
				// 档案 · archives
				get("/archives/{id}").from(archive),
				get("/api/archives/{id}").from(archive),
				get("/archives").query("?unitId={unitId}").from(archive),
				get("/api/archives").query("?unitId={unitId}").from(archive),
				post("/archives/{id}/access-requests").form("reason=" + encode("核对业主信息") + "&kind=CONSULT").from(archive),
				post("/api/archives/{id}/access-requests").json("{\"reason\":\"核对业主信息\",\"kind\":\"CONSULT\"}")
					.from(archive),
				post("/api/archives/{id}/changes")
					.json("{\"ownerId\":{ownerId},\"field\":\"PHONE\",\"newValue\":\"13900002222\",\"reason\":\"业主换号\"}")
					.from(archive),
				get("/api/archive-accesses/{id}").from("select x.id as id from archive_access x join owner_archive r"
						+ " on r.id = x.archive_id" + inTxc("r") + newest("x")),
				// 公告、调查、活动 · notices, surveys, activities
				get("/notices/{id}").from("select n.id as id, n.title as marker from notice n where "
						+ ownEstate("notice", "n") + newest("n")),
				get("/api/notices").query("?unitId={unitId}")
					.from("select (select max(a.unit_id) from unit_address a where a.estate_id = " + TXC
							+ ") as unitId, n.title as marker from notice n where " + ownEstate("notice", "n") + newest("n")),
				get("/surveys/{id}").from(survey),
				get("/api/surveys/{id}/report").from(survey),
				post("/surveys/{id}/answers").form("unitNumber={unitNumber}&comment=" + encode("无")).from(survey),
				post("/api/surveys/{id}/answers").json("{\"unitId\":{unitId},\"scores\":{\"客服\":5},\"comment\":\"无\"}")
					.from(survey),
				get("/activities/{number}").from(activity),
				post("/activities/{number}/summary")
					.form("summary=" + encode("到场老人 60 位") + "&actualParticipants=60&actualCost=2800.00")
					.from(activity),
				post("/activities/{number}/photos").upload("").from(activity),
				get("/activities/{number}/photos/{photoId}").from(photo("ACTIVITY", "number")),
				// 巡查与设备 · rounds and equipment
				get("/rounds/{number}").from(round),
				post("/rounds/{number}/checkpoints/{checkpointId}").form("result=NORMAL&note=" + encode("正常")).from(round),
				get("/rounds/{number}/photos/{photoId}").from(photo("ROUND", "number")),
				post("/equipment/{id}/visits")
					.form("maintainedOn=" + TODAY + "&technician=" + encode("李师傅") + "&workDone=" + encode("半月保养"))
					.from("select e.id as id from equipment e where " + ownEstate("equipment", "e") + newest("e")),
				post("/equipment/visits/{visitId}/countersignature").form("x=1")
					.from("select v.id as visitId from equipment_maintenance v join equipment e on e.id = v.equipment_id"
							+ " where " + ownEstate("equipment", "e") + newest("v")),
				// 维修计划 · repair plans
				get("/repair-plans/{number}").from(plan),
				get("/api/repair-plans/{number}").from(plan),
				post("/repair-plans/{number}/progress").form("percent=10&note=" + encode("进场施工")).from(plan),
				post("/api/repair-plans/{number}/progress").json("{\"percent\":10,\"note\":\"进场施工\"}").from(plan),
				// 考核 · evaluations
				get("/evaluations/{number}").from("select s.sheet_number as number from evaluation_sheet s where s.staff_id in"
						+ " (select m.user_id_ from act_id_tenant_member m where m.tenant_id_ = 'TXC')" + newest("s")),
				get("/evaluations/staff/{staffId}").from(
						"select m.user_id_ as staffId from act_id_tenant_member m where m.tenant_id_ = 'TXC' and m.user_id_ = 'engineer'"),
				post("/evaluations/standards/{id}").form("weight=5&fullAt=99&zeroAt=98")
					.from("select i.id from evaluation_indicator i where i.estate_id = " + TXC + newest("i")));
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointThatNamesARecordRefusesAnotherEstatesRecord() {
		Map<String, List<Probe>> byKey = new LinkedHashMap<>();
		for (Probe probe : probes()) {
			byKey.computeIfAbsent(probe.key(), key -> new ArrayList<>()).add(probe);
		}
		Set<String> mapped = new TreeSet<>();
		List<DynamicTest> tests = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("cn.tianxiacheng.servicecenter")) {
				continue;
			}
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String key = method + " " + pattern;
					mapped.add(key);
					List<Probe> cases = byKey.getOrDefault(key, List.of());
					if (cases.isEmpty() && namesARecord(pattern, handler)) {
						tests.add(dynamicTest(key, () -> {
							throw new AssertionError("no probe case for " + key + " in CrossEstateProbeIntegrationTests.probes()");
						}));
					}
					cases.stream()
						.filter(probe -> probe.reason() == null)
						.forEach(probe -> tests.add(dynamicTest(probe.name(), () -> run(probe))));
				}
			}
		}
		byKey.keySet()
			.stream()
			.filter(key -> !mapped.contains(key))
			.forEach(key -> tests.add(dynamicTest(key, () -> {
				throw new AssertionError("probe case " + key + " names no request mapping of the app");
			})));
		return tests.stream();
	}

	/** {@code /engine-rest} (HTTP Basic) and the webapps' engine API (the prober's web session) on 天下城's instances. */
	@TestFactory
	Stream<DynamicTest> theEngineShowsNothingOfAnotherEstate() {
		OpenTask aCase = processes.get(1);
		String businessKey = runtimeService.createProcessInstanceQuery()
			.processInstanceId(aCase.processInstanceId())
			.singleResult()
			.getBusinessKey();
		HistoricDecisionInstance decision = historyService.createHistoricDecisionInstanceQuery()
			.tenantIdIn("TXC")
			.orderByEvaluationTime()
			.desc()
			.listPage(0, 1)
			.get(0);
		Job job = managementService.createJobQuery().tenantIdIn("TXC").listPage(0, 1).get(0);
		String instance = aCase.processInstanceId();
		List<String> reads = List.of("/process-instance/" + instance, "/process-instance/" + instance + "/variables",
				"/process-instance?processInstanceIds=" + instance, "/process-instance/count?businessKey=" + businessKey,
				"/execution?processInstanceId=" + instance, "/variable-instance?processInstanceIdIn=" + instance,
				"/task/" + aCase.taskId(), "/task/" + aCase.taskId() + "/variables", "/task/" + aCase.taskId() + "/form-variables",
				"/task?processInstanceId=" + instance, "/task/count?processInstanceId=" + instance,
				"/history/process-instance/" + instance, "/history/process-instance?processInstanceId=" + instance,
				"/history/process-instance/count?processInstanceId=" + instance, "/history/task?processInstanceId=" + instance,
				"/history/activity-instance?processInstanceId=" + instance,
				"/history/variable-instance?processInstanceId=" + instance, "/history/detail?processInstanceId=" + instance,
				"/history/user-operation?processInstanceId=" + instance,
				"/history/decision-instance?processInstanceId=" + decision.getProcessInstanceId(),
				"/history/decision-instance/" + decision.getId(), "/job?processInstanceId=" + job.getProcessInstanceId(),
				"/job/" + job.getId());
		List<DynamicTest> tests = new ArrayList<>();
		for (String read : reads) {
			tests.add(dynamicTest("GET /engine-rest" + read, () -> {
				ResponseEntity<String> answer = rest.withBasicAuth(prober, "demo")
					.exchange("/engine-rest" + read, HttpMethod.GET, null, String.class);
				assertNothingShown("/engine-rest" + read, answer.getStatusCode().value(), answer.getBody());
			}));
			tests.add(dynamicTest("GET " + WebSession.WEBAPP_ENGINE + read, () -> {
				HttpResponse<String> answer = proberSession.webapp("GET", WebSession.WEBAPP_ENGINE + read, null);
				assertNothingShown(WebSession.WEBAPP_ENGINE + read, answer.statusCode(), answer.body());
			}));
		}
		tests.add(dynamicTest("POST /engine-rest/task/{id}/claim", () -> {
			ResponseEntity<String> claimed = rest.withBasicAuth(prober, "demo")
				.exchange("/engine-rest/task/" + aCase.taskId() + "/claim", HttpMethod.POST,
						json("{\"userId\":\"" + prober + "\"}"), String.class);
			assertThat(claimed.getStatusCode().value()).as("claim answered %s", claimed.getBody()).isIn(403, 404);
			assertThat(taskService.createTaskQuery().taskId(aCase.taskId()).singleResult().getAssignee()).isNull();
		}));
		String me = "{\"userId\":\"" + prober + "\"}";
		List<List<String>> calls = List.of(List.of("GET", "/task/{id}/variables", ""),
				List.of("GET", "/process-instance/" + instance + "/variables", ""), List.of("POST", "/task/{id}/claim", me),
				List.of("POST", "/task/{id}/assignee", me), List.of("POST", "/task/{id}/complete", "{}"),
				List.of("POST", "/task/{id}/variables", "{\"modifications\":{\"note\":{\"value\":\"探查\"}}}"),
				List.of("POST", "/task/{id}/comment/create", "{\"message\":\"探查\"}"));
		for (List<String> call : calls) {
			tests.add(dynamicTest(call.get(0) + " /engine-rest" + call.get(1) + " answers as for an unknown id", () -> {
				ResponseEntity<String> answer = engineCall(call, aCase.taskId());
				ResponseEntity<String> unknown = engineCall(call.stream()
					.map(part -> part.replace(instance, UUID.randomUUID().toString()))
					.toList(), UUID.randomUUID().toString());
				assertThat(answer.getStatusCode().value()).as("%s answered %s", call, answer.getBody())
					.isIn(400, 404)
					.isEqualTo(unknown.getStatusCode().value());
				assertThat(answer.getBody()).as("%s", call).isEqualTo(unknown.getBody());
			}));
		}
		String cockpit = "/camunda/api/cockpit/plugin/base/default/process-instance";
		String definition = "{\"processDefinitionId\":\"" + runtimeService.createProcessInstanceQuery()
			.processInstanceId(instance)
			.singleResult()
			.getProcessDefinitionId() + "\"}";
		tests.add(dynamicTest("GET " + cockpit + "/{id}/called-process-instances", () -> {
			HttpResponse<String> answer = proberSession.webapp("GET", cockpit + "/" + instance + "/called-process-instances",
					null);
			assertNothingShown(cockpit + "/{id}/called-process-instances", answer.statusCode(), answer.body());
		}));
		tests.add(dynamicTest("POST " + cockpit, () -> {
			HttpResponse<String> answer = proberSession.webapp("POST", cockpit, definition);
			assertNothingShown("POST " + cockpit, answer.statusCode(), answer.body());
		}));
		tests.add(dynamicTest("POST " + cockpit + "/count", () -> {
			HttpResponse<String> answer = proberSession.webapp("POST", cockpit + "/count", definition);
			assertNothingShown("POST " + cockpit + "/count", answer.statusCode(), answer.body());
		}));
		return tests.stream();
	}

	/** The prober's call of {@code /engine-rest}: method, path (its {id} the task's) and JSON body. */
	private ResponseEntity<String> engineCall(List<String> call, String taskId) {
		return rest.withBasicAuth(prober, "demo")
			.exchange("/engine-rest" + call.get(1).replace("{id}", taskId), HttpMethod.valueOf(call.get(0)),
					call.get(2).isEmpty() ? null : json(call.get(2)), String.class);
	}

	/** Refused, or an empty list, or a count of 0; and nothing of 天下城. */
	private static void assertNothingShown(String request, int status, String body) {
		String text = body == null ? "" : body.strip();
		assertThat(status == 403 || status == 404 || status == 200 && (text.equals("[]") || text.matches(
				"\\{\\s*\"count\"\\s*:\\s*0\\s*}")))
			.as("%s answered %d: %s", request, status, text)
			.isTrue();
		assertThat(text).as(request).doesNotContain("天下城");
	}

	private void run(Probe probe) {
		List<Map<String, Object>> rows = jdbc.queryForList(probe.from());
		assertThat(rows).as("a 天下城 record for %s (%s)", probe.name(), probe.from()).isNotEmpty();
		Map<String, Object> record = rows.get(0);
		String path = fill(probe.pattern() + (probe.query() == null ? "" : probe.query()), record);
		String body = probe.body() == null ? null : fill(probe.body(), record);
		int status;
		String answer;
		if (path.startsWith("/api/")) {
			ResponseEntity<String> response = rest.withBasicAuth(prober, "demo")
				.exchange(path, HttpMethod.valueOf(probe.method()), json(body), String.class);
			status = response.getStatusCode().value();
			answer = response.getBody() == null ? "" : response.getBody();
		}
		else {
			HttpResponse<String> response = probe.method().equals("GET") ? proberSession.get(path)
					: probe.upload() ? proberSession.submitMultipart("/", path, fields(body), List.of(aPhoto()))
							: proberSession.submit("/", path, body);
			status = response.statusCode();
			answer = response.body() + response.headers().firstValue("Location").map(l -> " → " + l).orElse("");
		}
		String shown = "%s answered %d: %s".formatted(path, status, abbreviate(answer));
		if (probe.query() != null) {
			assertThat(status).as(shown).isIn(200, 403, 404, 422);
		}
		else {
			assertThat(status).as(shown).isIn(403, 404);
		}
		assertThat(answer).as(shown).doesNotContain("天下城");
		Object marker = record.get("marker");
		if (marker != null) {
			assertThat(answer).as(shown).doesNotContain(marker.toString());
		}
	}

	private static Map<String, String> fields(String form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String field : form.split("&")) {
			if (!field.isEmpty()) {
				String[] pair = field.split("=", 2);
				fields.put(pair[0], java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	private static FilePart aPhoto() {
		return new FilePart("photos", "现场.png", "image/png", TestPhotos.image("png", Color.MAGENTA));
	}

	private static String fill(String template, Map<String, Object> record) {
		Matcher placeholder = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(template);
		StringBuilder filled = new StringBuilder();
		while (placeholder.find()) {
			Object value = record.get(placeholder.group(1));
			if (value == null) {
				throw new AssertionError("the SQL gives no " + placeholder.group(1) + " for " + template);
			}
			placeholder.appendReplacement(filled, Matcher.quoteReplacement(value.toString()));
		}
		placeholder.appendTail(filled);
		return filled.toString();
	}

	private static boolean namesARecord(String pattern, HandlerMethod handler) {
		return pattern.contains("{") || Arrays.stream(handler.getMethodParameters()).anyMatch(parameter -> {
			RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter.getParameter(), RequestParam.class);
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			return param != null
					&& RECORD_PARAMS.contains(param.name().isEmpty() ? parameter.getParameterName() : param.name());
		});
	}

	/** Joins the table's unit to 天下城. */
	private static String inTxc(String alias) {
		return " join unit_address a on a.unit_id = " + alias + ".unit_id and a.estate_id = " + TXC;
	}

	private static String newest(String alias) {
		return " order by " + alias + ".id desc fetch first 1 rows only";
	}

	/** A table without a unit: 天下城's rows by its own estate column, once it has one (until then all are 天下城's). */
	private String ownEstate(String table, String alias) {
		Integer columns = jdbc.queryForObject("""
				select count(*) from information_schema.columns
				 where lower(table_name) = ? and lower(column_name) = 'estate_id'""", Integer.class, table);
		return columns > 0 ? alias + ".estate_id = " + TXC : "1 = 1";
	}

	private static String photo(String kind, String recordColumn) {
		return "select p.record_key as " + recordColumn + ", p.id as photoId from record_photo p where p.record_kind = '"
				+ kind + "' and p.estate_id = " + TXC + newest("p");
	}

	/**
	 * The records {@link OpenTasks} does not bring about, each made as 天下城's staff make it: a notice,
	 * a survey, an activity with a photo, a paid and refunded deposit, evaluation sheets, an equipment
	 * visit, a waitlist entry, photos of a case, a round and a decoration, and a billing run.
	 */
	private void makeTianxiachengRecordsTheProcessesDoNotMake() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		LocalDate today = LocalDate.parse(TODAY);
		assertCreated(StaffApi.call(rest, "manager", HttpMethod.POST, "/api/notices", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"title\":\"探查公告" + tag + "\",\"body\":\"详见公告栏\",\"validFrom\":\"" + today + "\",\"validTo\":\""
				+ today.plusDays(7) + "\"}"));
		assertCreated(StaffApi.call(rest, "manager", HttpMethod.POST, "/api/surveys", "{\"requestId\":\"" + UUID.randomUUID()
				+ "\",\"title\":\"探查调查" + tag + "\",\"buildings\":[1],\"endsOn\":\"" + today.plusDays(30) + "\"}"));

		// 天下城 keeps a standard of its own: its manager saves an indicator as it is
		Map<String, Object> indicator = jdbc.queryForMap("select id, weight from evaluation_indicator where judged = true"
				+ " and (estate_id = " + TXC + " or estate_id is null and not exists (select 1 from evaluation_indicator"
				+ " where estate_id = " + TXC + ")) order by id fetch first 1 rows only");
		assertRedirected(WebSession.loggedIn(port, "manager").submit("/evaluations/standards",
				"/evaluations/standards/" + indicator.get("ID"), "weight=" + indicator.get("WEIGHT")));

		WebSession reception = WebSession.loggedIn(port, "receptionist");
		String activityRequest = UUID.randomUUID().toString();
		assertRedirected(reception.submit("/activities", "/activities", "requestId=" + activityRequest + "&title="
				+ encode("探查活动" + tag) + "&heldOn=" + today + "&place=" + encode("会所多功能厅") + "&plan=" + encode("14:00 签到")
				+ "&audience=" + encode("全体业主") + "&expectedParticipants=80&budget=3000.00"));
		String activity = jdbc.queryForObject("select activity_number from community_activity where request_id = ?",
				String.class, activityRequest);
		assertRedirected(reception.submitMultipart("/activities/" + activity, "/activities/" + activity + "/summary",
				Map.of("summary", "到场业主 60 位", "actualParticipants", "60", "actualCost", "2800.00"),
				List.of(new FilePart("photos", "现场.png", "image/png", TestPhotos.image("png", Color.RED)))));
		String caseNumber = jdbc.queryForObject("select business_key_ from act_hi_procinst where id_ = ?", String.class,
				processes.get(1).processInstanceId());
		WebSession engineer = WebSession.loggedIn(port, "engineer");
		assertRedirected(engineer.submitMultipart("/cases/" + caseNumber, "/cases/" + caseNumber + "/photos",
				Map.of("stage", "BEFORE"),
				List.of(new FilePart("photos", "现场.png", "image/png", TestPhotos.image("png", Color.BLUE)))));

		Map<String, Object> owner = jdbc.queryForMap("select a.unit_id, a.unit_number, o.name from owner o"
				+ " join unit_address a on a.unit_id = o.unit_id where a.estate_id = " + TXC
				+ " and a.unit_status = 'OCCUPIED' order by o.id fetch first 1 rows only");
		long unitId = ((Number) owner.get("unit_id")).longValue();
		String depositPeriod = "TS-PROBE-" + tag;
		caseFees.issue(depositPeriod, unitId, CaseFees.CaseFee.parse("DECORATION_DEPOSIT"), "cashier");
		long deposit = jdbc.queryForObject("select id from bill where period = ?", Long.class, depositPeriod);
		String amount = jdbc.queryForObject("select amount from bill where id = ?", BigDecimal.class, deposit).toPlainString();
		assertCreated(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/payments", "{\"idempotencyKey\":\""
				+ UUID.randomUUID() + "\",\"unitId\":" + unitId + ",\"amount\":" + amount + ",\"method\":\"CASH\",\"billIds\":["
				+ deposit + "]}"));
		assertCreated(StaffApi.call(rest, "cashier", HttpMethod.POST, "/api/bills/" + deposit + "/deposit-refund",
				"{\"deduction\":0,\"reason\":\"退还押金\",\"method\":\"CASH\"}"));
		assertCreated(StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/parking-waitlist", "{\"unitNumber\":\""
				+ owner.get("unit_number") + "\",\"applicantKind\":\"OWNER\",\"applicantName\":\"" + owner.get("name")
				+ "\",\"applicantPhone\":\"13612345678\"}"));

		String period = TODAY.substring(0, 7);
		ResponseEntity<Map<String, Object>> previewed = StaffApi.call(rest, "cashier", HttpMethod.GET,
				"/api/billing-runs/preview?kind=MONTHLY&period=" + period, null);
		assertCreated(previewed);
		Map<String, Object> preview = previewed.getBody();
		WebSession cashier = WebSession.loggedIn(port, "cashier");
		assertRedirected(cashier.submit("/cashier", "/cashier/billing-runs", "requestId=" + UUID.randomUUID()
				+ "&kind=MONTHLY&period=" + period + "&units=" + preview.get("units") + "&total=" + preview.get("total")));

		runtimeService.startProcessInstanceByKey(StaffEvaluationProcess.RUN_KEY);
		long equipment = jdbc.queryForObject("select max(id) from equipment where estate_id = " + TXC, Long.class);
		assertRedirected(engineer.submit("/equipment", "/equipment/" + equipment + "/visits", "maintainedOn=" + today
				+ "&technician=" + encode("李师傅") + "&workDone=" + encode("半月保养")));

		OpenTask round = processes.stream().filter(p -> p.processKey().equals("InspectionRoundProcess")).findFirst()
			.orElseThrow();
		String roundNumber = jdbc.queryForObject("select round_number from inspection_round where process_instance_id = ?",
				String.class, round.processInstanceId());
		long checkpoint = jdbc.queryForObject("select c.id from inspection_checkpoint c join inspection_round r"
				+ " on r.route_id = c.route_id where r.round_number = ?", Long.class, roundNumber);
		WebSession guard = WebSession.loggedIn(port, "guard");
		assertRedirected(guard.submitMultipart("/rounds/" + roundNumber, "/rounds/" + roundNumber + "/checkpoints/" + checkpoint,
				Map.of("result", "ABNORMAL", "note", "门禁损坏", "category", "公共设施", "urgency", "NORMAL"),
				List.of(new FilePart("photos", "巡查.png", "image/png", TestPhotos.image("png", Color.GREEN)))));

		String decoration = jdbc.queryForObject("select d.decoration_number from decoration d" + inTxc("d") + newest("d"),
				String.class);
		Photos.Owner owning = new Photos.Owner("DECORATION", decoration,
				jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class));
		Photos.Checked checked = photos.check("巡查照片", owning,
				List.of(new Photos.Upload("巡查.png", TestPhotos.image("png", Color.ORANGE))));
		photos.keep(owning, "PATROL", null, checked, Staff.SYSTEM);
	}

	private static void assertRedirected(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
	}

	private static void assertCreated(ResponseEntity<Map<String, Object>> answer) {
		assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer.getBody()).isTrue();
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
	}

	private static Probe get(String pattern) {
		return new Probe("GET", pattern, null, null, false, null, null);
	}

	private static Probe post(String pattern) {
		return new Probe("POST", pattern, null, null, false, null, null);
	}

	private static Probe excluded(String key, String reason) {
		String[] parts = key.split(" ", 2);
		return new Probe(parts[0], parts[1], null, null, false, null, reason);
	}

	/**
	 * One request of the probe: {@code query} (of a list or search) and {@code body} (a form for a
	 * page, JSON for {@code /api}) hold {placeholders} that the row of {@code from} fills; an
	 * {@code upload} form goes as multipart, with a photo. An endpoint not probed gives the
	 * {@code reason} why its variable names no record of another estate.
	 */
	private record Probe(String method, String pattern, String query, String body, boolean upload, String from,
			String reason) {

		Probe query(String query) {
			return new Probe(method, pattern, query, body, upload, from, reason);
		}

		Probe form(String fields) {
			return new Probe(method, pattern, query, fields, false, from, reason);
		}

		/** A multipart form with a photo, as the page's upload sends it. */
		Probe upload(String fields) {
			return new Probe(method, pattern, query, fields, true, from, reason);
		}

		Probe json(String json) {
			return new Probe(method, pattern, query, json, false, from, reason);
		}

		Probe from(String sql) {
			return new Probe(method, pattern, query, body, upload, sql, reason);
		}

		String key() {
			return method + " " + pattern;
		}

		String name() {
			return key() + (query == null ? "" : query);
		}

	}

}
