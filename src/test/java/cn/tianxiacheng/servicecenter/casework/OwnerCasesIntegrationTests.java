package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.tianxiacheng.servicecenter.EngineTables;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.CaseLine;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.DoneStep;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.OpenStep;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.Progress;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.Rating;
import cn.tianxiacheng.servicecenter.casework.OwnerCases.ShownField;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The owner channel's view of a case (issue 24): an owner follows a repair filed through the app
 * while staff work it in the engine, sees only what is meant for owners, and answers the return
 * visit online instead of reception's call.
 */
@IntegrationTest
class OwnerCasesIntegrationTests extends IntegrationTestSupport {

	private static final String MINUTES = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}";

	private static final Map<String, String> USER_OF_GROUP = Map.of("reception", "receptionist", "engineering",
			"engineer", "manager", "manager");

	@Autowired
	OwnerCases ownerCases;

	@Test
	void theOwnerFollowsARepairStepByStepAndRatesTheVisitOnline() throws Exception {
		long unit = unitId("1-2-1901");
		long otherUnit = unitId("1-2-1902");
		String name = "欧阳" + UUID.randomUUID().toString().substring(0, 4);
		String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
		String number = register("SERVICE_REQUEST", "1-2-1901", "水电维修", name, phone);

		CaseLine line = ownerCases.ofUnit(unit).stream().filter(l -> l.caseNumber().equals(number)).findFirst().orElseThrow();
		assertThat(line.type()).isEqualTo("报修");
		assertThat(line.category()).isEqualTo("水电维修");
		assertThat(line.status()).isEqualTo("处理中");
		assertThat(line.registeredAt()).matches(MINUTES);
		assertThat(ownerCases.ofUnit(otherUnit)).extracting(CaseLine::caseNumber).doesNotContain(number);
		assertThat(ownerCases.progress(otherUnit, number)).as("another unit's case is unknown").isEmpty();

		Progress registered = ownerCases.progress(unit, number).orElseThrow();
		assertThat(registered.openSteps()).singleElement().satisfies(step -> {
			assertThat(step.step()).isEqualTo("与业主预约上门时间");
			assertThat(step.department()).isEqualTo("工程部");
			assertThat(step.dueAt()).matches(MINUTES);
		});
		assertThat(registered.escalated()).isFalse();

		work(number, StaffApi.vars("appointmentAt", "2030-01-01T10:00", "opinion", "内部：业主说话很冲"));
		Progress appointed = ownerCases.progress(unit, number).orElseThrow();
		assertThat(appointed.openSteps()).extracting(OpenStep::step).containsExactly("上门处理并记录结果");
		assertThat(appointed.appointmentAt()).isEqualTo("2030-01-01 10:00");
		assertThat(fieldsOf(appointed, "与业主预约上门时间")).containsExactly(new ShownField("预约上门时间", "2030-01-01 10:00"));

		work(number, StaffApi.vars("workResult", "DONE", "opinion", "已更换厨房水龙头"));
		Progress worked = ownerCases.progress(unit, number).orElseThrow();
		assertThat(worked.openSteps()).singleElement().satisfies(step -> {
			assertThat(step.step()).isEqualTo("与业主确认处理结果");
			assertThat(step.department()).isEqualTo("接待员");
		});
		assertThat(fieldsOf(worked, "上门处理并记录结果")).containsExactly(new ShownField("处理结果", "已完成"),
				new ShownField("处理记录", "已更换厨房水龙头"));

		work(number, StaffApi.vars("ownerConfirmed", true, "opinion", "内部：请同事下次带鞋套"));
		dueVisit(number);
		assertThat(ownerCases.pendingVisit(unit, number)).isTrue();
		assertThat(ownerCases.pendingVisit(otherUnit, number)).isFalse();

		assertThatThrownBy(() -> ownerCases.rateVisit(otherUnit, number, UUID.randomUUID().toString(), 5, null))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> ownerCases.rateVisit(unit, number, UUID.randomUUID().toString(), 6, null))
			.isInstanceOf(BadInputException.class).hasMessageContaining("满意度");
		assertThatThrownBy(() -> ownerCases.rateVisit(unit, number, UUID.randomUUID().toString(), 5, "好".repeat(201)))
			.isInstanceOf(BadInputException.class).hasMessageContaining("评价内容");
		assertThat(ownerCases.pendingVisit(unit, number)).as("a refused rating changes nothing").isTrue();

		String requestId = UUID.randomUUID().toString();
		String comment = "师傅很准时" + UUID.randomUUID().toString().substring(0, 6);
		assertThat(ownerCases.rateVisit(unit, number, requestId, 5, comment)).isEqualTo(new Rating(number, 5, false));
		assertThat(ownerCases.rateVisit(unit, number, requestId, 5, comment)).as("a retry")
			.isEqualTo(new Rating(number, 5, false));

		assertThat(ownerCases.pendingVisit(unit, number)).isFalse();
		assertThat(taskService.createTaskQuery().taskCandidateGroup("reception")
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(number)).count()).as("reception's queue").isZero();
		Progress rated = ownerCases.progress(unit, number).orElseThrow();
		assertThat(rated.status()).isEqualTo("已办结");
		assertThat(rated.openSteps()).isEmpty();
		assertThat(rated.history()).extracting(DoneStep::step).containsOnlyOnce("业主在线评价");
		assertThat(jdbc.queryForObject("select count(*) from case_step s join service_case c on c.id = s.case_id"
				+ " where c.case_number = ? and s.step = '业主在线评价' and s.handled_by = 'system'", Integer.class, number))
			.isOne();

		assertOnlyAllowedFields(rated);
		assertThat(EngineTables.columnsContaining(dataSource, name)).as("the owner's name").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, phone)).as("the owner's phone").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, comment)).as("the owner's comment").isEmpty();
		assertThat(EngineTables.columnsContaining(dataSource, number)).as("the search finds what is there").isNotEmpty();
	}

	@Test
	void aRatingOfTwoSentTwentyTimesAtOnceReopensTheComplaintToTheManagerOnce() throws Exception {
		long unit = unitId("1-2-1903");
		String number = register("COMPLAINT", "1-2-1903", "服务态度", "业主", null);
		Progress registered = ownerCases.progress(unit, number).orElseThrow();
		assertThat(registered.openSteps()).singleElement().satisfies(step -> {
			assertThat(step.step()).isEqualTo("首次响应");
			assertThat(step.department()).isEqualTo("接待员");
			assertThat(step.dueAt()).matches(MINUTES).doesNotContain("T");
		});
		work(number, StaffApi.vars("decision", "RESOLVED", "opinion", "内部：此人投诉过多次"));
		dueVisit(number);

		String requestId = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<Rating>> copies = IntStream.range(0, 20)
				.<Callable<Rating>>mapToObj(i -> () -> ownerCases.rateVisit(unit, number, requestId, 2, "还是没解决"))
				.toList();
			for (Future<Rating> answer : pool.invokeAll(copies)) {
				assertThat(answer.get()).isEqualTo(new Rating(number, 2, true));
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(jdbc.queryForObject("select count(*) from owner_visit_rating where request_id = ?", Integer.class,
				requestId)).isOne();
		Progress reopened = ownerCases.progress(unit, number).orElseThrow();
		assertThat(reopened.status()).isEqualTo("回访不满意，经理处理中");
		assertThat(reopened.openSteps()).singleElement().satisfies(step -> {
			assertThat(step.step()).isEqualTo("经理处理不满意回访");
			assertThat(step.department()).isEqualTo("服务中心经理");
		});
		assertThat(reopened.history()).extracting(DoneStep::step).containsOnlyOnce("业主在线评价");
		assertThat(fieldsOf(reopened, "首次响应")).containsExactly(new ShownField("处理方式", "已当场解决"));
		assertOnlyAllowedFields(reopened);
	}

	@Test
	void aMissedDeadlineShowsAsEscalatedWithTheManagersStep() {
		long unit = unitId("1-2-2001");
		String number = register("SERVICE_REQUEST", "1-2-2001", "水电维修", "业主", null);
		String processInstanceId = processOf(number);
		managementService.createJobQuery().processInstanceId(processInstanceId).timers()
			.activityId(ServiceRequestProcess.Element.APPOINTMENT_OVERDUE).list()
			.forEach(job -> managementService.executeJob(job.getId()));

		Progress overdue = ownerCases.progress(unit, number).orElseThrow();
		assertThat(overdue.escalated()).isTrue();
		assertThat(overdue.openSteps()).extracting(OpenStep::step, OpenStep::department)
			.contains(tuple("与业主预约上门时间", "工程部"),
					tuple("督办：预约超时", "服务中心经理"));
	}

	/** Every field shown is on the allow-list, and no internal note (written 内部：…) shows anywhere. */
	private static void assertOnlyAllowedFields(Progress progress) {
		Set<String> allowed = OwnerVisibleFields.all().values().stream().flatMap(List::stream)
			.map(OwnerVisibleFields.Field::label).collect(Collectors.toSet());
		assertThat(progress.history()).flatExtracting(DoneStep::fields).extracting(ShownField::label)
			.allMatch(allowed::contains);
		assertThat(progress.toString()).doesNotContain("内部");
	}

	private static List<ShownField> fieldsOf(Progress progress, String step) {
		return progress.history().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow().fields();
	}

	private long unitId(String number) {
		return jdbc.queryForObject("select u.id from unit u where u.number = ? and u.building_id in "
				+ TIANXIACHENG_BUILDINGS, Long.class, number);
	}

	private String register(String type, String unit, String category, String name, String phone) {
		Map<String, Object> registered = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"unitNumber\":\"" + unit
						+ "\",\"contactName\":\"" + name + "\","
						+ (phone == null ? "" : "\"contactPhone\":\"" + phone + "\",")
						+ "\"channel\":\"APP\",\"category\":\"" + category
						+ "\",\"urgency\":\"NORMAL\",\"description\":\"业主在手机上提交\"}")
			.getBody();
		StaffApi.awaitJobs(managementService, (String) registered.get("processInstanceId"));
		return (String) registered.get("caseNumber");
	}

	private String processOf(String caseNumber) {
		return jdbc.queryForObject("select process_instance_id from service_case where case_number = ?"
				+ " and unit_id in (select id from unit where building_id in " + TIANXIACHENG_BUILDINGS + ")", String.class,
				caseNumber);
	}

	/** Does the case's one open task as a member of the group it waits for. */
	private void work(String caseNumber, Map<String, Object> variables) {
		String processInstanceId = processOf(caseNumber);
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
		StaffApi.work(rest, userFor(task), task.getId(), variables);
		StaffApi.awaitJobs(managementService, processInstanceId);
	}

	/** The return visit's waiting timer runs: its task is in reception's queue. */
	private void dueVisit(String caseNumber) {
		String visitId = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(caseNumber))
			.tenantIdIn("TXC")
			.singleResult()
			.getId();
		managementService.createJobQuery().processInstanceId(visitId).timers().list()
			.forEach(job -> managementService.executeJob(job.getId()));
		assertThat(taskService.createTaskQuery().processInstanceId(visitId).taskCandidateGroup("reception").count())
			.isOne();
	}

	private String userFor(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream()
			.map(IdentityLink::getGroupId)
			.filter(USER_OF_GROUP::containsKey)
			.map(USER_OF_GROUP::get)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no candidate group for " + task.getTaskDefinitionKey()));
	}

}
