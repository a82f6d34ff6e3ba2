package cn.tianxiacheng.servicecenter.dunning;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess.Element;
import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess.Var;
import cn.tianxiacheng.servicecenter.fee.FeeProperties;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.EstateTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code FeeDunningProcess}, timers included, and its end by a payment at each
 * step; and the daily scan that opens the cases.
 */
@Deployment(resources = {
		"processes/FeeDunningProcess.bpmn",
		"processes/FeeArrearsScanProcess.bpmn",
		"forms/dunning-call.form",
		"forms/dunning-manager.form" })
class FeeDunningProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	static final String PROMISED_DATE = LocalDate.now().plusDays(5).toString();

	JavaDelegate openDunningCases = registered("openDunningCasesDelegate", JavaDelegate.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("estateTime", new EstateTime(estate -> ZoneId.of("Asia/Shanghai"), estate -> EstateHours.DEFAULT));
		Mocks.register("dunningSchedule", new DunningSchedule(new FeeProperties(30, "11-15", "03-15",
				new BigDecimal("0.30"), true, "0 0 2 1 * ?", 15, "P7D", "0 30 8 * * ?", new BigDecimal("1000000.00"),
				YearMonth.of(2020, 1), 10)));
	}

	@Test
	void shouldAskReceptionToPhoneTheOwnerFirst() {
		ProcessInstance dunning = startDunning();

		assertThat(dunning).isWaitingAt(Element.FIRST_REMINDER);
		assertThat(dunning).task().hasCandidateGroup("reception");
		Assertions.assertThat(formService().getTaskFormData(task(dunning).getId()).getCamundaFormRef().getKey())
			.isEqualTo("dunning-call");
		Assertions.assertThat(task(dunning).getDueDate()).isAfter(new Date());
		Assertions.assertThat(dunning.getBusinessKey()).isEqualTo("CJ-TXC-3-2-1501");
	}

	@Test
	void shouldCallAgainAfterTheIntervalThenHandTheManagerARefusal() {
		ProcessInstance dunning = startDunning();

		taskService().claim(task(dunning).getId(), "receptionist2");
		complete(task(dunning), Map.of(Var.OUTCOME, "UNREACHABLE", "note", "无人接听"));
		assertThat(dunning).isWaitingAt(Element.SECOND_REMINDER_DUE);
		Assertions.assertThat(job(dunning).getDuedate()).isAfter(new Date(System.currentTimeMillis() + 6L * 86_400_000));
		execute(job(dunning));

		assertThat(dunning).isWaitingAt(Element.SECOND_REMINDER).task().hasCandidateGroupAssociated("reception")
			.as("the one who made the first call").isAssignedTo("receptionist2");
		complete(task(dunning), Map.of(Var.OUTCOME, "REFUSED", "note", "对收费有异议"));

		assertThat(dunning).isWaitingAt(Element.MANAGER_FOLLOW_UP).task().hasCandidateGroup("manager");
		complete(task(dunning), Map.of("decision", "VISIT", "managerNote", "本周上门沟通"));

		assertThat(dunning).hasPassedInOrder(Element.FIRST_REMINDER, Element.SECOND_REMINDER_DUE,
				Element.SECOND_REMINDER, Element.MANAGER_FOLLOW_UP, Element.HANDLED_BY_MANAGER).isEnded();
	}

	@Test
	void shouldWaitForEachPromisedDateBeforeCallingAgain() {
		ProcessInstance dunning = startDunning();

		complete(task(dunning), Map.of(Var.OUTCOME, "PROMISED", Var.PROMISED_DATE, PROMISED_DATE, "note", "周末来缴"));
		assertThat(dunning).isWaitingAt(Element.FIRST_PROMISE_DUE);
		Assertions.assertThat(job(dunning).getDuedate()).isAfter(new Date(System.currentTimeMillis() + 4L * 86_400_000));
		execute(job(dunning));

		complete(task(dunning), Map.of(Var.OUTCOME, "PROMISED", Var.PROMISED_DATE, PROMISED_DATE, "note", "再宽限几天"));
		assertThat(dunning).isWaitingAt(Element.SECOND_PROMISE_DUE);
		execute(job(dunning));

		assertThat(dunning).isWaitingAt(Element.MANAGER_FOLLOW_UP);
		complete(task(dunning), Map.of("decision", "INSTALMENTS", "managerNote", "同意分三期"));
		assertThat(dunning).hasPassed(Element.FIRST_PROMISE_DUE, Element.SECOND_PROMISE_DUE).isEnded();
	}

	@Test
	void shouldEndWhenPaidDuringTheFirstCall() {
		ProcessInstance dunning = startDunning();
		arrearsCleared();
		assertEndedByPayment(dunning);
	}

	@Test
	void shouldEndWhenPaidWhileWaitingForThePromisedDate() {
		ProcessInstance dunning = startDunning();
		complete(task(dunning), Map.of(Var.OUTCOME, "PROMISED", Var.PROMISED_DATE, PROMISED_DATE, "note", "周末来缴"));

		arrearsCleared();

		assertEndedByPayment(dunning);
		Assertions.assertThat(managementService().createJobQuery().processInstanceId(dunning.getId()).count())
			.as("the promise timer is gone").isZero();
	}

	@Test
	void shouldEndWhenPaidWhileWaitingToCallAgain() {
		ProcessInstance dunning = startDunning();
		complete(task(dunning), Map.of(Var.OUTCOME, "REFUSED", "note", "拒绝"));
		arrearsCleared();
		assertEndedByPayment(dunning);
	}

	@Test
	void shouldEndWhenPaidDuringTheSecondCall() {
		ProcessInstance dunning = startDunning();
		complete(task(dunning), Map.of(Var.OUTCOME, "REFUSED", "note", "拒绝"));
		execute(job(dunning));
		assertThat(dunning).isWaitingAt(Element.SECOND_REMINDER);

		arrearsCleared();
		assertEndedByPayment(dunning);
	}

	@Test
	void shouldEndWhenPaidWhileWaitingForTheSecondPromise() {
		ProcessInstance dunning = startDunning();
		complete(task(dunning), Map.of(Var.OUTCOME, "REFUSED", "note", "拒绝"));
		execute(job(dunning));
		complete(task(dunning), Map.of(Var.OUTCOME, "PROMISED", Var.PROMISED_DATE, PROMISED_DATE, "note", "答应缴"));
		assertThat(dunning).isWaitingAt(Element.SECOND_PROMISE_DUE);

		arrearsCleared();
		assertEndedByPayment(dunning);
	}

	@Test
	void shouldEndWhenPaidWhileWithTheManager() {
		ProcessInstance dunning = startDunning();
		complete(task(dunning), Map.of(Var.OUTCOME, "REFUSED", "note", "拒绝"));
		execute(job(dunning));
		complete(task(dunning), Map.of(Var.OUTCOME, "UNREACHABLE", "note", "关机"));
		assertThat(dunning).isWaitingAt(Element.MANAGER_FOLLOW_UP);

		arrearsCleared();
		assertEndedByPayment(dunning);
	}

	@Test
	void shouldScanForArrearsEveryDay() throws Exception {
		execute(managementService().createJobQuery().activityId(Element.SCAN_DUE).singleResult());
		ProcessInstance scan = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(FeeDunningProcess.SCAN_KEY)
			.singleResult();
		assertThat(scan).isWaitingAt(Element.OPEN_DUNNING_CASES);

		execute(job(scan));

		assertThat(scan).hasPassed(Element.OPEN_DUNNING_CASES).isEnded();
		verify(openDunningCases).execute(any());
		Assertions.assertThat(managementService().createJobQuery().activityId(Element.SCAN_DUE).count())
			.as("tomorrow's scan is scheduled").isEqualTo(1);
	}

	private ProcessInstance startDunning() {
		return runtimeService().startProcessInstanceByKey(FeeDunningProcess.KEY, FeeDunningProcess.businessKey("TXC", "3-2-1501"),
				Map.of(Var.UNIT_ID, 557L, Var.UNIT_NUMBER, "3-2-1501", Var.OVERDUE_AMOUNT, "2757.79",
						Var.OLDEST_DUE_DATE, "2026-11-30"));
	}

	private void arrearsCleared() {
		runtimeService().createMessageCorrelation(FeeDunningProcess.ARREARS_CLEARED)
			.processInstanceBusinessKey(FeeDunningProcess.businessKey("TXC", "3-2-1501"))
			.correlateAll();
	}

	private static void assertEndedByPayment(ProcessInstance dunning) {
		assertThat(dunning).hasPassed(Element.ARREARS_CLEARED, Element.DUNNING_ENDED)
			.hasNotPassed(Element.HANDLED_BY_MANAGER)
			.isEnded();
	}

}
