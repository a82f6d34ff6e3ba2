package cn.tianxiacheng.servicecenter.casework;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.Date;

import cn.tianxiacheng.servicecenter.casework.ServiceRequestProcess.Element;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code ServiceRequestProcess}, timers and escalations included.
 */
class ServiceRequestProcessTests extends CaseProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	static final String TOMORROW = LocalDate.now().plusDays(1).toString();

	@Test
	void shouldDispatchToTheDepartmentTheRulesChoose() throws Exception {
		ProcessInstance request = start("水电维修", "URGENT");

		assertThat(request).hasPassedInOrder(Element.REGISTER_CASE, Element.ROUTE_CASE)
			.isWaitingAt(Element.SCHEDULE_APPOINTMENT)
			.task()
			.hasCandidateGroup("engineering");
		assertThat(request).variables().containsEntry("department", "engineering").containsEntry("firstResponseMinutes", 30);
		Assertions.assertThat(task(request).getDueDate())
			.isBefore(new Date(System.currentTimeMillis() + 31 * 60_000L));
		verify(registerCase).execute(any());
	}

	@Test
	void shouldRouteCleaningToTheCleaningQueue() {
		ProcessInstance request = start("环境卫生", "NORMAL");
		assertThat(request).task().hasCandidateGroup("cleaning");
	}

	@Test
	void shouldCloseADoneRepairTheOwnerConfirms() throws Exception {
		ProcessInstance request = start("门窗维修", "NORMAL");

		complete(task(request), vars("appointmentAt", TOMORROW + "T10:00", "opinion", "约明早十点"));
		assertThat(request).isWaitingAt(Element.DO_WORK).task().hasCandidateGroup("engineering");
		complete(task(request), vars("workResult", "DONE", "opinion", "已更换合页"));
		assertThat(request).isWaitingAt(Element.CONFIRM_WITH_OWNER).task().hasCandidateGroup("reception");
		complete(task(request), vars("ownerConfirmed", true, "opinion", "业主确认"));

		assertThat(request).hasPassedInOrder(Element.SCHEDULE_APPOINTMENT, Element.DO_WORK, Element.CONFIRM_WITH_OWNER,
				Element.CLOSE_CASE, Element.REQUEST_CLOSED).isEnded();
		assertThat(request).hasNotPassed(Element.ISSUE_REPAIR_BILL);
		verify(closeCase).execute(any());
		Assertions.assertThat(chargeListenerCalls).as("the confirmation's form is given the charges, none here")
			.containsExactly(Element.CONFIRM_WITH_OWNER + ":create");
	}

	@Test
	void shouldBillAPaidRepairBeforeTheOwnerConfirms() throws Exception {
		ProcessInstance request = start("水电维修", "NORMAL");
		complete(task(request), vars("appointmentAt", TOMORROW + "T10:00", "opinion", "约好"));

		complete(task(request), vars("workResult", "DONE", "chargeCode1", "REPAIR_MATERIAL", "chargeQuantity1", 2, "opinion", "换水龙头"));

		assertThat(request).isWaitingAt(Element.ISSUE_REPAIR_BILL);
		execute(job(request));
		verify(issueRepairBill).execute(any());
		assertThat(request).isWaitingAt(Element.CONFIRM_WITH_OWNER);
		Assertions.assertThat(chargeListenerCalls).as("the confirmation's form is given the charges once billed")
			.containsExactly(Element.CONFIRM_WITH_OWNER + ":create");
		complete(task(request), vars("ownerConfirmed", true));
		assertThat(request).hasPassed(Element.ISSUE_REPAIR_BILL).isEnded();
	}

	@Test
	void shouldComeBackOnTheNewDateWhenPartsAreNeeded() {
		ProcessInstance request = start("水电维修", "NORMAL");
		complete(task(request), vars("appointmentAt", TOMORROW + "T10:00", "opinion", "约好"));

		complete(task(request), vars("workResult", "NEEDS_PARTS", "newDate", TOMORROW, "opinion", "缺阀门"));

		assertThat(request).isWaitingAt(Element.PARTS_ARRIVE);
		execute(job(request));
		assertThat(request).isWaitingAt(Element.DO_WORK);
		complete(task(request), vars("workResult", "DONE", "opinion", "已更换阀门"));
		complete(task(request), vars("ownerConfirmed", true));
		assertThat(request).hasPassed(Element.PARTS_ARRIVE).isEnded();
		Assertions.assertThat(chargeListenerCalls).containsExactly(Element.CONFIRM_WITH_OWNER + ":create");
	}

	@Test
	void shouldTellTheOwnerWhatCannotBeDone() {
		ProcessInstance request = start("公共设施", "NORMAL");
		complete(task(request), vars("appointmentAt", TOMORROW + "T10:00", "opinion", "约好"));

		complete(task(request), vars("workResult", "CANNOT_DO", "opinion", "属开发商保修范围"));

		assertThat(request).isWaitingAt(Element.CONFIRM_WITH_OWNER);
		Assertions.assertThat(chargeListenerCalls).containsExactly(Element.CONFIRM_WITH_OWNER + ":create");
		complete(task(request), vars("ownerConfirmed", true, "opinion", "已告知业主联系开发商"));
		assertThat(request).isEnded();
	}

	@Test
	void shouldSendTheWorkBackWhenTheOwnerIsNotSatisfied() {
		ProcessInstance request = start("水电维修", "NORMAL");
		complete(task(request), vars("appointmentAt", TOMORROW + "T10:00", "opinion", "约好"));
		complete(task(request), vars("workResult", "DONE", "opinion", "已修"));

		complete(task(request), vars("ownerConfirmed", false, "opinion", "仍在滴水"));

		assertThat(request).isWaitingAt(Element.DO_WORK);
		complete(task(request), vars("workResult", "DONE", "opinion", "已换垫圈"));
		Assertions.assertThat(chargeListenerCalls).as("each confirmation shows the charges as they are then")
			.containsExactly(Element.CONFIRM_WITH_OWNER + ":create", Element.CONFIRM_WITH_OWNER + ":create");
	}

	@Test
	void shouldKeepTheRepairWithTheEngineerWhoLastWorkedOnIt() {
		ProcessInstance request = start("水电维修", "NORMAL");
		taskService().claim(task(request).getId(), "engineer2");
		complete(task(request), vars("appointmentAt", TOMORROW + "T10:00", "opinion", "约好"));
		assertThat(request).isWaitingAt(Element.DO_WORK).task().isAssignedTo("engineer2");

		taskService().setAssignee(task(request).getId(), "engineer");
		complete(task(request), vars("workResult", "DONE", "opinion", "已修"));
		assertThat(request).isWaitingAt(Element.CONFIRM_WITH_OWNER).task().isNotAssigned();
		taskService().claim(task(request).getId(), "receptionist");
		complete(task(request), vars("ownerConfirmed", false, "opinion", "仍在滴水"));
		assertThat(request).isWaitingAt(Element.DO_WORK).task().as("the engineer who did the work, not the one who set the time")
			.isAssignedTo("engineer");

		complete(task(request), vars("workResult", "NEEDS_PARTS", "newDate", TOMORROW, "opinion", "缺阀门"));
		execute(job(request));
		assertThat(request).isWaitingAt(Element.DO_WORK).task().isAssignedTo("engineer");
		complete(task(request), vars("workResult", "DONE", "opinion", "已更换阀门"));
		assertThat(request).isWaitingAt(Element.CONFIRM_WITH_OWNER).task().isAssignedTo("receptionist");
	}

	@Test
	void shouldEscalateAnAppointmentNotSetInTime() {
		ProcessInstance request = start("电梯", "NORMAL");

		execute(job(Element.APPOINTMENT_OVERDUE, request));

		assertThat(request).isWaitingAt(Element.SCHEDULE_APPOINTMENT, Element.CHASE_APPOINTMENT);
		Assertions.assertThat(taskQuery().taskDefinitionKey(Element.CHASE_APPOINTMENT).singleResult())
			.satisfies(chase -> assertThat(chase).hasCandidateGroup("manager"));
		complete(taskQuery().taskDefinitionKey(Element.CHASE_APPOINTMENT).singleResult(), vars("opinion", "已电话督促"));
		assertThat(request).isWaitingAt(Element.SCHEDULE_APPOINTMENT);
	}

	@Test
	void shouldEscalateWorkNotDoneInTimeAndCloseWithoutWaitingForTheChase() throws Exception {
		ProcessInstance request = start("水电维修", "URGENT");
		complete(task(request), vars("appointmentAt", TOMORROW + "T10:00", "opinion", "约好"));

		execute(job(Element.WORK_OVERDUE, request));

		assertThat(request).isWaitingAt(Element.DO_WORK, Element.CHASE_WORK);
		complete(taskQuery().taskDefinitionKey(Element.DO_WORK).singleResult(), vars("workResult", "DONE", "opinion", "修好"));
		complete(taskQuery().taskDefinitionKey(Element.CONFIRM_WITH_OWNER).singleResult(), vars("ownerConfirmed", true));
		assertThat(request).as("closing ends the open chase too").isEnded();
		verify(reopenCase, never()).execute(any());
	}

	private ProcessInstance start(String category, String urgency) {
		return runtimeService().startProcessInstanceByKey(ServiceRequestProcess.KEY, "BX-20261127-0001",
				caseVariables("BX-20261127-0001", category, urgency));
	}

}
