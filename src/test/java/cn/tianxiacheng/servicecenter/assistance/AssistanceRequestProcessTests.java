package cn.tianxiacheng.servicecenter.assistance;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Period;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Element;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code AssistanceRequestProcess}: a certificate sealed, handed over and visited;
 * a requester who is not the owner; facts the records do not show; a seal refused; the
 * developer's documents chased until they come.
 */
@Deployment(resources = {
		"processes/AssistanceRequestProcess.bpmn",
		"forms/assistance-verify.form",
		"forms/assistance-seal.form",
		"forms/assistance-developer.form",
		"forms/assistance-hand-over.form",
		"forms/assistance-return-visit.form" })
class AssistanceRequestProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate recordVerification = registered("recordRequesterVerificationDelegate", JavaDelegate.class);

	JavaDelegate draftCertificate = registered("draftCertificateDelegate", JavaDelegate.class);

	JavaDelegate recordSealDecision = registered("recordSealDecisionDelegate", JavaDelegate.class);

	JavaDelegate recordHandOver = registered("recordHandOverDelegate", JavaDelegate.class);

	JavaDelegate recordReturnVisit = registered("recordAssistanceReturnVisitDelegate", JavaDelegate.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("assistanceSchedule", new AssistanceSchedule(new AssistanceProperties(Period.parse("P3D"), Period.parse("P2D"), Period.parse("P90D"), null)));
	}

	@Test
	void shouldIssueASealedCertificateHandItOverAndVisit() throws Exception {
		ProcessInstance request = start("RESIDENCE");

		assertThat(request).isWaitingAt(Element.VERIFY_REQUESTER).task().hasCandidateGroup("reception");
		complete(task(request), vars("requesterVerified", true, "opinion", "身份证与档案一致"));
		execute(job(request));
		assertThat(request).isWaitingAt(Element.DRAFT_CERTIFICATE);
		execute(job(request));
		assertThat(request).isWaitingAt(Element.APPROVE_SEAL).task().hasCandidateGroup("manager");
		complete(task(request), vars("sealApproved", true, "opinion", "同意用印"));
		execute(job(request));
		assertThat(request).isWaitingAt(Element.HAND_OVER).task().hasCandidateGroup("reception");
		complete(task(request), vars("opinion", "已交业主本人"));
		execute(job(request));
		assertThat(request).isWaitingAt(Element.RETURN_VISIT_DUE);
		execute(job(request));
		assertThat(request).isWaitingAt(Element.RETURN_VISIT).task().hasCandidateGroup("reception");
		complete(task(request), vars("satisfaction", "5"));
		execute(job(request));

		assertThat(request).hasPassedInOrder(Element.VERIFY_REQUESTER, Element.RECORD_VERIFICATION,
				Element.DRAFT_CERTIFICATE, Element.APPROVE_SEAL, Element.RECORD_SEAL_DECISION, Element.HAND_OVER,
				Element.RECORD_HAND_OVER, Element.RETURN_VISIT, Element.RECORD_RETURN_VISIT, Element.ASSISTANCE_DONE)
			.isEnded();
		verify(recordSealDecision).execute(any());
		verify(recordHandOver).execute(any());
		verify(recordReturnVisit).execute(any());
	}

	@Test
	void shouldRefuseARequesterWhoIsNotTheOwner() throws Exception {
		ProcessInstance request = start("FEES_PAID");

		complete(task(request), vars("requesterVerified", false, "opinion", "来人不是业主，也无委托书"));
		execute(job(request));

		assertThat(request).hasPassed(Element.REQUEST_REFUSED).isEnded();
		verify(draftCertificate, never()).execute(any());
	}

	@Test
	void shouldCertifyNothingTheRecordsDoNotShow() throws Exception {
		doThrow(new BpmnError(AssistanceRequestProcess.NOT_IN_RECORDS, "记录中没有入住记录")).when(draftCertificate)
			.execute(any());
		ProcessInstance request = start("RESIDENCE");
		complete(task(request), vars("requesterVerified", true, "opinion", "核验通过"));
		execute(job(request));

		execute(job(request));

		assertThat(request).hasPassed(Element.NOT_IN_RECORDS, Element.NOT_CERTIFIED)
			.hasNotPassed(Element.APPROVE_SEAL)
			.isEnded();
	}

	@Test
	void shouldEndWhenTheManagerRefusesTheSeal() throws Exception {
		ProcessInstance request = start("HANDOVER");
		complete(task(request), vars("requesterVerified", true, "opinion", "核验通过"));
		execute(job(request));
		execute(job(request));

		complete(task(request), vars("sealApproved", false, "opinion", "用途不明，请补充"));
		execute(job(request));

		assertThat(request).hasPassed(Element.SEAL_REFUSED).hasNotPassed(Element.HAND_OVER).isEnded();
	}

	@Test
	void shouldChaseTheDeveloperUntilTheDocumentsCome() throws Exception {
		ProcessInstance request = start("DEVELOPER_DOCUMENTS");
		taskService().claim(task(request).getId(), "receptionist2");
		complete(task(request), vars("requesterVerified", true, "opinion", "核验通过"));
		execute(job(request));

		assertThat(request).isWaitingAt(Element.OBTAIN_DEVELOPER_DOCUMENTS).task().hasCandidateGroupAssociated("reception")
			.as("one receptionist follows the request through").isAssignedTo("receptionist2");
		complete(task(request), vars("documentsObtained", false, "opinion", "开发商称下周提供"));
		assertThat(request).isWaitingAt(Element.FOLLOW_UP_DUE);
		execute(job(request));
		assertThat(request).isWaitingAt(Element.OBTAIN_DEVELOPER_DOCUMENTS).task().isAssignedTo("receptionist2");
		complete(task(request), vars("documentsObtained", true, "opinion", "已取得竣工验收备案表复印件"));

		assertThat(request).isWaitingAt(Element.HAND_OVER).task().isAssignedTo("receptionist2");
		complete(task(request), vars("opinion", "已交业主"));
		execute(job(request));
		execute(job(request));
		assertThat(request).isWaitingAt(Element.RETURN_VISIT).task().isAssignedTo("receptionist2");
		complete(task(request), vars("satisfaction", "4"));
		execute(job(request));
		assertThat(request).hasPassed(Element.FOLLOW_UP_DUE, Element.ASSISTANCE_DONE)
			.hasNotPassed(Element.DRAFT_CERTIFICATE)
			.isEnded();
		verify(draftCertificate, never()).execute(any());
		verify(recordHandOver, times(1)).execute(any());
	}

	private ProcessInstance start(String kind) {
		return runtimeService().startProcessInstanceByKey(AssistanceRequestProcess.KEY, "XZ-20260315-0001",
				vars("caseNumber", "XZ-20260315-0001", "unitNumber", "3-2-1501", "category", "实际居住证明", "kind", kind,
						"purpose", "子女入学", "addressee", "天下城第一小学", "details", "", "detailsPath",
						"/assistance/XZ-20260315-0001", "recentSteps", "", "approverGroup", "manager"));
	}

}
