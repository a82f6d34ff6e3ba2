package cn.tianxiacheng.servicecenter.evaluation;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Period;
import java.util.Map;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.evaluation.StaffEvaluationProcess.Element;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code StaffEvaluationProcess}: confirmed; appealed and upheld; appealed and
 * changed; not confirmed in time. And the half-monthly run that starts it.
 */
@Deployment(resources = {
		"processes/StaffEvaluationProcess.bpmn",
		"processes/StaffEvaluationRunProcess.bpmn",
		"forms/evaluation-supervisor.form",
		"forms/evaluation-confirm.form",
		"forms/evaluation-appeal.form",
		"forms/evaluation-approve.form" })
class StaffEvaluationProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	TaskListener scores = registered("evaluationScoresListener", TaskListener.class);

	TaskListener response = registered("evaluationResponseListener", TaskListener.class);

	TaskListener appeal = registered("evaluationAppealListener", TaskListener.class);

	ExecutionListener overdue = registered("evaluationConfirmOverdueListener", ExecutionListener.class);

	JavaDelegate approval = registered("recordEvaluationApprovalDelegate", JavaDelegate.class);

	JavaDelegate startEvaluations = registered("startEvaluationsDelegate", JavaDelegate.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("evaluationSchedule", new EvaluationSchedule(new EvaluationProperties("0 0 1 1,16 * ?", Period.parse("P3D"))));
	}

	@Test
	void shouldApproveAConfirmedSheet() {
		ProcessInstance sheet = scored("receptionist");
		assertThat(task()).isAssignedTo("receptionist");

		complete(task(), vars("response", "CONFIRM"));

		assertThat(sheet).isWaitingAt(Element.DIRECTOR_APPROVES).task().hasCandidateGroup("director");
		approve(sheet);
		assertThat(sheet).hasPassedInOrder(Element.SUPERVISOR_SCORES, Element.STAFF_CONFIRMS, Element.DIRECTOR_APPROVES,
				Element.RECORD_APPROVAL).isEnded();
		verify(appeal, never()).notify(any());
	}

	@Test
	void shouldLetTheSupervisorUpholdAnAppeal() throws Exception {
		ProcessInstance sheet = scored("engineer");

		complete(task(), vars("response", "APPEAL", "appealReason", "上门维修按时完成，逾期是业主改约"));

		assertThat(sheet).isWaitingAt(Element.DECIDE_APPEAL).task().hasCandidateGroup("manager");
		complete(task(), vars("appealDecision", "UPHOLD", "appealComment", "改约未在系统登记"));
		verify(appeal).notify(any());
		approve(sheet);
		assertThat(sheet).hasPassed(Element.DECIDE_APPEAL).isEnded();
	}

	@Test
	void shouldLetTheSupervisorChangeTheScoresOnAppeal() throws Exception {
		ProcessInstance sheet = scored("cashier");

		complete(task(), vars("response", "APPEAL", "appealReason", "冲正是业主要求退款"));
		complete(task(), vars("appealDecision", "CHANGE", "attitude", 9, "appearance", 8, "training", 8, "appealComment",
				"核实属实，调整"));

		assertThat(sheet).isWaitingAt(Element.DIRECTOR_APPROVES);
		approve(sheet);
		assertThat(sheet).isEnded();
	}

	@Test
	void shouldTakeSilenceAsConfirmationAfterThreeDays() throws Exception {
		ProcessInstance sheet = scored("guard");
		assertThat(sheet).isWaitingAt(Element.STAFF_CONFIRMS);
		assertThat(job(Element.CONFIRM_OVERDUE)).isNotNull();

		execute(job(Element.CONFIRM_OVERDUE));

		verify(overdue).notify(any());
		assertThat(sheet).isWaitingAt(Element.DIRECTOR_APPROVES).hasNotPassed(Element.DECIDE_APPEAL);
		approve(sheet);
		assertThat(sheet).isEnded();
	}

	@Test
	void shouldStartTheSheetsOnTheHalfMonthsTimer() throws Exception {
		Job timer = managementService().createJobQuery().processDefinitionKey(StaffEvaluationProcess.RUN_KEY).timers()
			.singleResult();
		Assertions.assertThat(timer.getDuedate()).as("the next 1st or 16th").isNotNull();
		execute(timer);
		ProcessInstance run = runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(StaffEvaluationProcess.RUN_KEY).singleResult();
		execute(job(run));

		verify(startEvaluations).execute(any());
		assertThat(run).hasPassed(Element.START_EVALUATIONS).isEnded();
	}

	private ProcessInstance scored(String staffId) {
		ProcessInstance sheet = runtimeService().startProcessInstanceByKey(StaffEvaluationProcess.KEY,
				"KH-2026-11-1-" + staffId, Map.of("staffId", staffId, "post", postOf(staffId), "supervisorGroup", "manager"));
		assertThat(sheet).isWaitingAt(Element.SUPERVISOR_SCORES).task().hasCandidateGroup("manager");
		complete(task(), vars("attitude", 8, "appearance", 9, "training", 7, "comment", "工作认真"));
		verify(scores).notify(any());
		assertThat(sheet).isWaitingAt(Element.STAFF_CONFIRMS);
		return sheet;
	}

	private void approve(ProcessInstance sheet) {
		complete(task(), vars("opinion", "同意"));
		assertThat(sheet).isWaitingAt(Element.RECORD_APPROVAL);
		try {
			execute(job());
			verify(approval).execute(any());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String postOf(String staffId) {
		return switch (staffId) {
			case "receptionist" -> "reception";
			case "guard" -> "security";
			default -> staffId.equals("engineer") ? "engineering" : "cashier";
		};
	}

}
