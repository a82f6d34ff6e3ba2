package cn.tianxiacheng.servicecenter.repairplan;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Element;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.EstateTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code RepairPlanProcess}: a plan within the threshold reviewed, carried out and
 * accepted; a plan the director does not approve; a plan over the threshold agreed or not agreed
 * in the consultation; works that fail acceptance and go back; works past their planned end
 * chased by the director on the timer while they go on.
 */
class RepairPlanProcessTests extends ProcessTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final LocalDate PLANNED_END = LocalDate.now().plusDays(30);

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate recordReview = registered("recordPlanReviewDelegate", JavaDelegate.class);

	JavaDelegate recordConsultation = registered("recordConsultationDelegate", JavaDelegate.class);

	JavaDelegate recordWorksDone = registered("recordWorksDoneDelegate", JavaDelegate.class);

	JavaDelegate recordAcceptance = registered("recordRepairAcceptanceDelegate", JavaDelegate.class);

	TaskListener worksCompletion = registered("repairWorksCompletionListener", TaskListener.class);

	TaskListener acceptanceCheck = registered("repairAcceptanceListener", TaskListener.class);

	boolean overThreshold;

	String deploymentId;

	@BeforeEach
	void deploy() {
		answer(recordReview, execution -> execution.setVariable("consultationNeeded", overThreshold));
		Mocks.register("estateTime", new EstateTime(estate -> SHANGHAI, estate -> EstateHours.DEFAULT));
		deploymentId = repositoryService().createDeployment()
			.addClasspathResource("processes/RepairPlanProcess.bpmn")
			.deploy()
			.getId();
	}

	@AfterEach
	void undeploy() {
		repositoryService().deleteDeployment(deploymentId, true);
	}

	@Test
	void shouldCarryOutAndAcceptAPlanWithinTheThreshold() throws Exception {
		ProcessInstance plan = start();

		assertThat(plan).isWaitingAt(Element.REVIEW_PLAN).task().hasCandidateGroup("director");
		complete(task(plan), vars("planApproved", true, "opinion", "方案可行，预算合理"));
		execute(job(plan));
		assertThat(plan).isWaitingAt(Element.CARRY_OUT_WORKS).task().hasCandidateGroup("engineering");
		Assertions.assertThat(task(plan).getDueDate().toInstant())
			.isEqualTo(PLANNED_END.atTime(17, 0).atZone(SHANGHAI).toInstant());
		complete(task(plan), vars("opinion", "已完工，现场清理完毕"));
		verify(worksCompletion).notify(any());
		execute(job(plan));
		assertThat(plan).isWaitingAt(Element.ACCEPT_WORKS).task().hasCandidateGroup("director");
		complete(task(plan), vars("accepted", true, "finalAccount", "36540.50", "varianceExplanation", "减少一处管道更换",
				"opinion", "验收合格"));
		verify(acceptanceCheck).notify(any());
		execute(job(plan));

		assertThat(plan)
			.hasPassedInOrder(Element.REVIEW_PLAN, Element.RECORD_REVIEW, Element.CARRY_OUT_WORKS,
					Element.RECORD_WORKS_DONE, Element.ACCEPT_WORKS, Element.RECORD_ACCEPTANCE, Element.PLAN_COMPLETED)
			.hasNotPassed(Element.CONSULT)
			.isEnded();
		verify(recordAcceptance).execute(any());
		verify(recordConsultation, never()).execute(any());
	}

	@Test
	void shouldEndAPlanTheDirectorDoesNotApprove() throws Exception {
		ProcessInstance plan = start();

		complete(task(plan), vars("planApproved", false, "opinion", "施工方案不完整，请重新拟定"));
		execute(job(plan));

		assertThat(plan).hasPassed(Element.PLAN_REJECTED).hasNotPassed(Element.CARRY_OUT_WORKS).isEnded();
	}

	@Test
	void shouldConsultTheManagerAndOwnersRepresentativesAboveTheThreshold() throws Exception {
		overThreshold = true;
		ProcessInstance plan = start();
		complete(task(plan), vars("planApproved", true, "opinion", "同意"));
		execute(job(plan));

		assertThat(plan).isWaitingAt(Element.CONSULT).task().hasCandidateGroup("manager");
		complete(task(plan), vars("consultationAgreed", true, "consultedWith", "业主委员会会议", "opinion", "业主代表一致同意"));
		execute(job(plan));
		assertThat(plan).isWaitingAt(Element.CARRY_OUT_WORKS);
		complete(task(plan), vars("opinion", "完工"));
		execute(job(plan));
		complete(task(plan), vars("accepted", true, "finalAccount", "186000.00", "opinion", "验收合格"));
		execute(job(plan));

		assertThat(plan).hasPassedInOrder(Element.RECORD_REVIEW, Element.CONSULT, Element.RECORD_CONSULTATION,
				Element.CARRY_OUT_WORKS, Element.PLAN_COMPLETED).isEnded();
		verify(recordConsultation).execute(any());
	}

	@Test
	void shouldEndAPlanTheConsultationDoesNotAgreeTo() throws Exception {
		overThreshold = true;
		ProcessInstance plan = start();
		complete(task(plan), vars("planApproved", true, "opinion", "同意"));
		execute(job(plan));

		complete(task(plan), vars("consultationAgreed", false, "consultedWith", "业主代表书面意见", "opinion", "业主代表认为可缓修"));
		execute(job(plan));

		assertThat(plan).hasPassed(Element.PLAN_NOT_AGREED).hasNotPassed(Element.CARRY_OUT_WORKS).isEnded();
	}

	@Test
	void shouldSendWorksThatFailAcceptanceBack() throws Exception {
		ProcessInstance plan = start();
		complete(task(plan), vars("planApproved", true, "opinion", "同意"));
		execute(job(plan));
		complete(task(plan), vars("opinion", "完工"));
		execute(job(plan));

		complete(task(plan), vars("accepted", false, "opinion", "防水层有渗漏，整改后再验"));
		execute(job(plan));
		assertThat(plan).isWaitingAt(Element.CARRY_OUT_WORKS);
		complete(task(plan), vars("opinion", "渗漏处已重做，闭水试验合格"));
		execute(job(plan));
		complete(task(plan), vars("accepted", true, "finalAccount", "40000.00", "opinion", "复验合格"));
		execute(job(plan));

		assertThat(plan).hasPassed(Element.PLAN_COMPLETED).isEnded();
		verify(recordWorksDone, times(2)).execute(any());
		verify(recordAcceptance, times(2)).execute(any());
	}

	@Test
	void shouldRemindTheDirectorWhenTheWorksRunPastTheirPlannedEnd() throws Exception {
		ProcessInstance plan = start();
		complete(task(plan), vars("planApproved", true, "opinion", "同意"));
		execute(job(plan));

		Assertions.assertThat(job(Element.WORKS_OVERDUE, plan).getDuedate().toInstant())
			.isEqualTo(PLANNED_END.atTime(17, 0).atZone(SHANGHAI).toInstant());
		execute(job(Element.WORKS_OVERDUE, plan));
		assertThat(plan).isWaitingAt(Element.CARRY_OUT_WORKS, Element.CHASE_WORKS);
		complete(taskQuery().taskDefinitionKey(Element.CHASE_WORKS).singleResult(),
				vars("opinion", "材料到货延迟，已要求施工单位增加人手"));
		assertThat(plan).hasPassed(Element.WORKS_CHASED).isWaitingAt(Element.CARRY_OUT_WORKS);
		Assertions.assertThat(taskQuery().taskDefinitionKey(Element.CHASE_WORKS).singleResult())
			.as("the director is reminded once").isNull();

		complete(task(plan), vars("opinion", "完工"));
		execute(job(plan));
		complete(task(plan), vars("accepted", true, "finalAccount", "40000.00", "opinion", "验收合格"));
		execute(job(plan));
		assertThat(plan).hasPassed(Element.PLAN_COMPLETED).isEnded();
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(RepairPlanProcess.KEY, "WXJH-2026-001",
				vars("caseNumber", "WXJH-2026-001", "category", "中修计划", "urgencyLabel", "一般", "item", "屋面防水翻修",
						"facility", "2号楼屋面", "budget", "40000.00", "plannedStart", LocalDate.now().toString(),
						"plannedEnd", PLANNED_END.toString(), "detailsPath", "/repair-plans/WXJH-2026-001",
						"recentSteps", "", "requestedBy", "director", "reviewGroup", "director"));
	}

}
