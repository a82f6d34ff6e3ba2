package cn.tianxiacheng.servicecenter.inspection;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.inspection.InspectionRoundProcess.Element;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.EstateTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code InspectionRoundProcess}: a round walked in time, a round missed and sent to
 * the manager; and the schedule that opens the rounds on its timer. Times are the estate's.
 */
@Deployment(resources = {
		"processes/InspectionRoundProcess.bpmn",
		"processes/InspectionScheduleProcess.bpmn",
		"forms/inspection-round.form",
		"forms/inspection-missed.form" })
class InspectionRoundProcessTests extends ProcessTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final LocalDate DAY = LocalDate.now().plusDays(1);

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate closeRound = registered("closeRoundDelegate", JavaDelegate.class);

	JavaDelegate reportMissedRound = registered("reportMissedRoundDelegate", JavaDelegate.class);

	JavaDelegate openRounds = registered("openInspectionRoundsDelegate", JavaDelegate.class);

	TaskListener completion = registered("roundCompletionListener", TaskListener.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("estateTime", new EstateTime(estate -> SHANGHAI, estate -> EstateHours.DEFAULT));
		Mocks.register("inspectionSchedule", new InspectionSchedule(new InspectionProperties("08:00-11:30", "14:00-17:30", "0 5 * * * ?")));
	}

	@Test
	void shouldStartAtItsTimeAndCloseARoundWalkedInTime() throws Exception {
		ProcessInstance round = start();

		assertThat(round).isWaitingAt(Element.ROUND_STARTS);
		Assertions.assertThat(job(round).getDuedate().toInstant()).isEqualTo(DAY.atTime(8, 0).atZone(SHANGHAI).toInstant());
		execute(job(round));
		assertThat(round).isWaitingAt(Element.WALK_ROUND).task().hasCandidateGroup("security");
		Assertions.assertThat(task(round).getDueDate().toInstant()).isEqualTo(DAY.atTime(11, 30).atZone(SHANGHAI).toInstant());
		complete(task(round), vars("opinion", "各点正常"));
		verify(completion).notify(any());
		execute(job(round));

		assertThat(round).hasPassedInOrder(Element.WALK_ROUND, Element.CLOSE_ROUND, Element.ROUND_DONE).isEnded();
		verify(closeRound).execute(any());
		verify(reportMissedRound, never()).execute(any());
	}

	@Test
	void shouldReportARoundNotDoneByItsEndToTheManager() throws Exception {
		ProcessInstance round = start();
		execute(job(round));

		execute(job(Element.ROUND_OVERDUE, round));
		assertThat(round).isWaitingAt(Element.REPORT_MISSED_ROUND);
		execute(job(round));

		assertThat(round).isWaitingAt(Element.REVIEW_MISSED_ROUND).task().hasCandidateGroup("manager");
		complete(task(round), vars("opinion", "值班员临时处理车辆纠纷，已安排补巡"));
		assertThat(round).hasPassed(Element.ROUND_OVERDUE, Element.MISSED_ROUND_REVIEWED)
			.hasNotPassed(Element.CLOSE_ROUND)
			.isEnded();
		verify(reportMissedRound).execute(any());
	}

	@Test
	void shouldOpenTheRoundsOnTheSchedulesTimer() throws Exception {
		execute(jobQuery().processDefinitionKey(InspectionScheduleProcess.KEY).singleResult());
		ProcessInstance schedule = processInstanceQuery().processDefinitionKey(InspectionScheduleProcess.KEY)
			.singleResult();

		assertThat(schedule).isWaitingAt(InspectionScheduleProcess.OPEN_ROUNDS);
		execute(job(schedule));

		verify(openRounds).execute(any());
		assertThat(schedule).isEnded();
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(InspectionRoundProcess.KEY, "XC-20261128-AM-01",
				vars("caseNumber", "XC-20261128-AM-01", "category", "日常巡查 · 上午", "routeName", "公共区域巡查",
						"dutyGroup", "security", "roundDate", DAY.toString(), "startTime", "08:00", "endTime", "11:30",
						"checkpoints", 8, "detailsPath", "/rounds/XC-20261128-AM-01", "recentSteps", ""));
	}

}
