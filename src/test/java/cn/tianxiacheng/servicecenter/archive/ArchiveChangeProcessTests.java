package cn.tianxiacheng.servicecenter.archive;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

import java.util.Map;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {
		"processes/ArchiveChangeProcess.bpmn",
		"forms/archive-change-approve.form" })
class ArchiveChangeProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate applyDecision = registered("applyArchiveChangeDelegate", JavaDelegate.class);

	@Test
	void shouldLetTheManagerDecideAChangeOfIdNumber() throws Exception {
		ProcessInstance change = runtimeService().startProcessInstanceByKey("ArchiveChangeProcess", "BG-1",
				Map.of("changeId", 1L, "archiveNumber", "DA-3-2-1501-01", "fieldLabel", "身份证号", "requestedBy",
						"receptionist", "reason", "证件换发"));

		assertThat(change).isWaitingAt("Task_ApproveChange").task().hasCandidateGroup("manager");
		complete(task(change), Map.of("approved", true, "opinion", "已核对新证件"));
		assertThat(change).isWaitingAt("Task_ApplyDecision");
		execute(job(change));

		verify(applyDecision).execute(any());
		assertThat(change).hasPassedInOrder("Task_ApproveChange", "Task_ApplyDecision", "EndEvent_ChangeDecided").isEnded();
	}

}
