package cn.tianxiacheng.servicecenter.casework;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.EstateTime;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;

/**
 * The case processes with the real routing table and their delegates mocked, on the pure
 * engine of {@code camunda-test.cfg.xml}. Each test class registers its own engine extension,
 * which deploys the resources of the {@code @Deployment} below before each test (it finds the
 * annotation on this superclass) and deletes the deployment after it. The mocks are registered
 * before: the extension deploys after the {@code @BeforeEach} methods, so the timer start event's
 * {@code returnVisitSchedule} is there when the deployment schedules it.
 */
@Deployment(resources = {
		"processes/ServiceRequestProcess.bpmn",
		"processes/ComplaintProcess.bpmn",
		"processes/ReturnVisitProcess.bpmn",
		"processes/ReturnVisitCampaignProcess.bpmn",
		"processes/CaseRouting.dmn",
		"forms/case-intake.form",
		"forms/sr-appointment.form",
		"forms/sr-work.form",
		"forms/sr-confirm.form",
		"forms/manager-chase.form",
		"forms/complaint-first-response.form",
		"forms/complaint-department.form",
		"forms/complaint-confirm.form",
		"forms/complaint-manager.form",
		"forms/return-visit.form",
		"forms/manager-follow-up.form" })
abstract class CaseProcessTestSupport extends ProcessTestSupport {

	JavaDelegate registerCase = registered("registerCaseDelegate", JavaDelegate.class);

	JavaDelegate closeCase = registered("closeCaseDelegate", JavaDelegate.class);

	JavaDelegate reopenCase = registered("reopenCaseDelegate", JavaDelegate.class);

	JavaDelegate issueRepairBill = registered("issueRepairBillDelegate", JavaDelegate.class);

	JavaDelegate startRoutineVisits = registered("startRoutineVisitsDelegate", JavaDelegate.class);

	JavaDelegate closeFollowedUpCase = registered("closeFollowedUpCaseDelegate", JavaDelegate.class);

	/** The charge listeners' calls, as task key and event: {@code Task_ConfirmWithOwner:create}. */
	List<String> chargeListenerCalls = new ArrayList<>();

	@BeforeEach
	void registerMocks() {
		Mocks.register("estateTime", new EstateTime(estate -> ZoneId.of("Asia/Shanghai"), estate -> EstateHours.DEFAULT));
		Mocks.register("escalationJournal", (ExecutionListener) execution -> {
		});
		Mocks.register("chargeItemsListener", (TaskListener) task -> {
			if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
				task.setVariable("hasCharges", task.getVariable("chargeCode1") != null);
			}
		});
		Mocks.register("appointmentListener", (TaskListener) task -> {
		});
		Mocks.register("compensationListener", (TaskListener) task -> {
		});
		TaskListener recordCall = task -> chargeListenerCalls.add(task.getTaskDefinitionKey() + ":" + task.getEventName());
		Mocks.register("chargeSummaryListener", recordCall);
		Mocks.register("chargeReliefListener", recordCall);
		Mocks.register("satisfactionListener", new SatisfactionListener());
		Mocks.register("returnVisitSchedule", new ReturnVisitSchedule(new CaseProperties(Duration.parse("PT24H"), "0 0 9 1 * ?", 0.05)));
	}

	static Map<String, Object> caseVariables(String caseNumber, String category, String urgency) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(CaseVariables.CASE_ID, 42L);
		variables.put(CaseVariables.CASE_NUMBER, caseNumber);
		variables.put(CaseVariables.UNIT_ID, 557L);
		variables.put(CaseVariables.UNIT_NUMBER, "3-2-1501");
		variables.put(CaseVariables.CHANNEL, "PHONE");
		variables.put(CaseVariables.CATEGORY, category);
		variables.put(CaseVariables.URGENCY, urgency);
		variables.put(CaseVariables.DESCRIPTION, "测试");
		variables.put(CaseVariables.RECENT_STEPS, "");
		return variables;
	}

}
