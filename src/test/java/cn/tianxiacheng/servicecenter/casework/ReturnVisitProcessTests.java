package cn.tianxiacheng.servicecenter.casework;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;

import cn.tianxiacheng.servicecenter.casework.ReturnVisitProcess.Element;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code ReturnVisitProcess}: satisfied, unhappy (back to the manager), and an
 * owner tried three days running.
 */
class ReturnVisitProcessTests extends CaseProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	@Test
	void shouldWaitADayAfterTheCaseClosesBeforeCalling() {
		ProcessInstance visit = start();

		assertThat(visit).isWaitingAt(Element.VISIT_DUE);
		Assertions.assertThat(job(visit).getDuedate()).isAfter(new Date(System.currentTimeMillis() + 23 * 3_600_000L));
		execute(job(visit));
		assertThat(visit).isWaitingAt(Element.RETURN_VISIT).task().hasCandidateGroup("reception");
	}

	@Test
	void shouldEndASatisfiedVisit() throws Exception {
		ProcessInstance visit = startAndWait();

		complete(task(visit), vars("reached", true, "satisfaction", 4L, "opinion", "维修及时"));

		assertThat(visit).hasPassed(Element.VISIT_DONE).isEnded();
		verify(reopenCase, never()).execute(any());
		Assertions.assertThat(chargeListenerCalls).as("no relief without the manager").isEmpty();
	}

	@Test
	void shouldReopenTheCaseWithTheManagerForAScoreOfTwoOrLess() throws Exception {
		ProcessInstance visit = startAndWait();

		complete(task(visit), vars("reached", true, "satisfaction", 2L, "opinion", "等了三天"));

		verify(reopenCase).execute(any());
		assertThat(visit).isWaitingAt(Element.MANAGER_FOLLOW_UP).task().hasCandidateGroup("manager");
		Assertions.assertThat(chargeListenerCalls).as("the form is given the case's charges")
			.containsExactly(Element.MANAGER_FOLLOW_UP + ":create");
		complete(task(visit), vars("opinion", "已上门致歉"));
		Assertions.assertThat(chargeListenerCalls).as("the relief is recorded as the follow-up completes")
			.containsExactly(Element.MANAGER_FOLLOW_UP + ":create", Element.MANAGER_FOLLOW_UP + ":complete");
		assertThat(visit).hasPassed(Element.REOPEN_CASE, Element.DISSATISFACTION_HANDLED).isEnded();
		verify(closeFollowedUpCase).execute(any());
		assertThat(visit).hasPassedInOrder(Element.REOPEN_CASE, Element.MANAGER_FOLLOW_UP, Element.CLOSE_FOLLOWED_UP_CASE,
				Element.DISSATISFACTION_HANDLED);
	}

	@Test
	void shouldTryTheNextDayAndGiveUpAfterThreeTries() {
		ProcessInstance visit = startAndWait();

		for (int attempt = 1; attempt < ReturnVisitProcess.MAX_ATTEMPTS; attempt++) {
			complete(task(visit), vars("reached", false, "opinion", "无人接听"));
			assertThat(visit).isWaitingAt(Element.TRY_NEXT_DAY).variables().containsEntry("attempts", (long) attempt);
			execute(job(visit));
		}
		complete(task(visit), vars("reached", false, "opinion", "仍无人接听"));

		assertThat(visit).hasPassed(Element.OWNER_UNREACHABLE).isEnded();
		Assertions.assertThat(chargeListenerCalls).as("no relief for an owner never reached").isEmpty();
		assertThat(visit).hasNotPassed(Element.VISIT_DONE);
	}

	@Test
	void shouldRecordAVisitThatReachesTheOwnerOnTheSecondTry() {
		ProcessInstance visit = startAndWait();
		taskService().claim(task(visit).getId(), "receptionist2");
		complete(task(visit), vars("reached", false, "opinion", "关机"));
		execute(job(visit));
		assertThat(visit).isWaitingAt(Element.RETURN_VISIT).task().as("the one who called the first time")
			.isAssignedTo("receptionist2");

		complete(task(visit), vars("reached", true, "satisfaction", 5L));

		assertThat(visit).hasPassed(Element.TRY_NEXT_DAY, Element.VISIT_DONE).isEnded();
	}

	@Test
	void shouldStartTheRoutineVisitsEveryMonth() throws Exception {
		execute(managementService().createJobQuery().activityId(Element.CAMPAIGN_DUE).singleResult());
		ProcessInstance campaign = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(ReturnVisitProcess.CAMPAIGN_KEY)
			.singleResult();
		assertThat(campaign).isWaitingAt(Element.START_ROUTINE_VISITS);

		execute(job(campaign));

		assertThat(campaign).isEnded();
		verify(startRoutineVisits).execute(any());
		Assertions.assertThat(managementService().createJobQuery().activityId(Element.CAMPAIGN_DUE).count())
			.as("next month's campaign is scheduled").isEqualTo(1);
	}

	private ProcessInstance startAndWait() {
		ProcessInstance visit = start();
		execute(job(visit));
		return visit;
	}

	private ProcessInstance start() {
		var variables = caseVariables("BX-20261127-0001", "水电维修", "NORMAL");
		variables.put("attempts", 0);
		return runtimeService().startProcessInstanceByKey(ReturnVisitProcess.KEY, "HF-BX-20261127-0001", variables);
	}

}
