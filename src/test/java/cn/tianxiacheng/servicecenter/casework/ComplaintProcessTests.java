package cn.tianxiacheng.servicecenter.casework;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import cn.tianxiacheng.servicecenter.casework.ComplaintProcess.Element;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code ComplaintProcess}, the deadlines that escalate by themselves included.
 */
class ComplaintProcessTests extends CaseProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	@Test
	void shouldAskReceptionForAFirstResponseWithinTheDeadline() {
		ProcessInstance complaint = start("噪音扰民");

		assertThat(complaint).isWaitingAt(Element.FIRST_RESPONSE).task().hasCandidateGroup("reception");
		assertThat(complaint).variables().containsEntry("department", "security");
	}

	@Test
	void shouldCloseAComplaintReceptionResolves() throws Exception {
		ProcessInstance complaint = start("服务态度");

		complete(task(complaint), vars("decision", "RESOLVED", "opinion", "已当面致歉"));

		assertThat(complaint).hasPassedInOrder(Element.FIRST_RESPONSE, Element.CLOSE_CASE, Element.COMPLAINT_CLOSED)
			.isEnded();
		verify(closeCase).execute(any());
	}

	@Test
	void shouldCloseAComplaintTheDepartmentHandlesAndTheOwnerAccepts() {
		ProcessInstance complaint = start("噪音扰民");

		complete(task(complaint), vars("decision", "DISPATCH", "opinion", "转秩序维护部"));
		assertThat(complaint).isWaitingAt(Element.DEPARTMENT_HANDLES).task().hasCandidateGroup("security");
		complete(task(complaint), vars("opinion", "已劝导施工方"));
		assertThat(complaint).isWaitingAt(Element.CONFIRM_RESOLUTION).task().hasCandidateGroup("reception");
		complete(task(complaint), vars("ownerConfirmed", true, "opinion", "业主满意"));

		assertThat(complaint).hasPassedInOrder(Element.DEPARTMENT_HANDLES, Element.CONFIRM_RESOLUTION,
				Element.CLOSE_CASE).isEnded();
		assertThat(complaint).hasNotPassed(Element.MANAGER_HANDLES);
	}

	@Test
	void shouldLetReceptionEscalateToTheManager() {
		ProcessInstance complaint = start("收费争议");

		complete(task(complaint), vars("decision", "ESCALATE", "opinion", "业主对收费标准有异议，接待员无法答复"));

		assertThat(complaint).isWaitingAt(Element.MANAGER_HANDLES).task().hasCandidateGroup("manager");
		complete(task(complaint), vars("managerDecision", "RESOLVED", "compensation", 50.0, "opinion", "减免当月滞纳"));
		assertThat(complaint).hasPassed(Element.MANAGER_HANDLES, Element.CLOSE_CASE).isEnded();
	}

	@Test
	void shouldEscalateAMissedFirstResponseByItself() {
		ProcessInstance complaint = start("环境卫生");

		execute(job(Element.RESPONSE_OVERDUE, complaint));

		assertThat(complaint).hasPassed(Element.RESPONSE_OVERDUE).isWaitingAt(Element.MANAGER_HANDLES);
		assertThat(complaint).hasNotPassed(Element.DEPARTMENT_HANDLES);
	}

	@Test
	void shouldLetTheManagerDispatchAndEscalateAMissedResolution() {
		ProcessInstance complaint = start("服务态度");
		complete(task(complaint), vars("decision", "ESCALATE", "opinion", "无法处理"));

		complete(task(complaint), vars("managerDecision", "DISPATCH", "department", "engineering", "opinion", "交工程部"));
		assertThat(complaint).isWaitingAt(Element.DEPARTMENT_HANDLES).task().hasCandidateGroup("engineering");

		execute(job(Element.RESOLUTION_OVERDUE, complaint));
		assertThat(complaint).isWaitingAt(Element.MANAGER_HANDLES);
	}

	@Test
	void shouldGiveTheManagerAComplaintTheOwnerIsNotSatisfiedWith() {
		ProcessInstance complaint = start("绿化");
		complete(task(complaint), vars("decision", "DISPATCH", "opinion", "转环境部"));
		complete(task(complaint), vars("opinion", "已修剪"));

		complete(task(complaint), vars("ownerConfirmed", false, "opinion", "业主认为未处理到位"));

		assertThat(complaint).isWaitingAt(Element.MANAGER_HANDLES);
	}

	private ProcessInstance start(String category) {
		return runtimeService().startProcessInstanceByKey(ComplaintProcess.KEY, "TS-20261127-0001",
				caseVariables("TS-20261127-0001", category, "NORMAL"));
	}

}
