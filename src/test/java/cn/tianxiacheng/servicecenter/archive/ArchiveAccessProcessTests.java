package cn.tianxiacheng.servicecenter.archive;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TimeZone;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.archive.ArchiveAccessProcess.Element;
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
 * Every path of {@code ArchiveAccessProcess}: approved and expired, refused, borrowed and
 * returned, borrowed and returned late.
 */
@Deployment(resources = {
		"processes/ArchiveAccessProcess.bpmn",
		"forms/archive-access-approve.form",
		"forms/archive-return.form",
		"forms/archive-chase-return.form" })
class ArchiveAccessProcessTests extends ProcessTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate recordDecision = registered("recordArchiveAccessDecisionDelegate", JavaDelegate.class);

	JavaDelegate expire = registered("expireArchiveAccessDelegate", JavaDelegate.class);

	JavaDelegate recordReturn = registered("recordArchiveReturnDelegate", JavaDelegate.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("estateTime", new EstateTime(estate -> SHANGHAI, estate -> EstateHours.DEFAULT));
		answer(recordDecision, execution -> execution.setVariable("validUntil",
				Instant.now().plus(24, ChronoUnit.HOURS).toString()));
	}

	@Test
	void shouldGrantAConsultationThatExpiresByItself() throws Exception {
		ProcessInstance access = start("CONSULT", null);

		assertThat(access).isWaitingAt(Element.APPROVE_ACCESS).task().hasCandidateGroup("manager");
		complete(task(access), vars("approved", true, "opinion", "为办理过户核对资料"));
		assertThat(access).isWaitingAt(Element.RECORD_DECISION);
		execute(job(access));
		assertThat(access).isWaitingAt(Element.ACCESS_EXPIRES);
		verify(recordDecision).execute(any());

		execute(job(access));

		verify(expire).execute(any());
		assertThat(access).hasPassed(Element.EXPIRE_ACCESS, Element.ACCESS_EXPIRED).isEnded();
	}

	@Test
	void shouldEndARefusedRequest() throws Exception {
		ProcessInstance access = start("CONSULT", null);

		complete(task(access), vars("approved", false, "opinion", "理由不充分"));
		execute(job(access));

		assertThat(access).hasPassed(Element.ACCESS_REFUSED).isEnded();
		verify(expire, never()).execute(any());
	}

	@Test
	void shouldCloseABorrowingWhenTheFileIsReturned() throws Exception {
		ProcessInstance access = start("BORROW", LocalDate.now().plusDays(3).toString());
		complete(task(access), vars("approved", true, "opinion", "同意"));
		execute(job(access));

		assertThat(access).isWaitingAt(Element.RECORD_RETURN).task().hasCandidateGroup("reception");
		complete(task(access), vars("fileReturned", true));

		verify(recordReturn).execute(any());
		assertThat(access).hasPassed(Element.FILE_RETURNED).isEnded();
	}

	@Test
	void shouldChaseAFileReturnedLateFrom17InTheEstatesZone() throws Exception {
		LocalDate dueOn = LocalDate.now().plusDays(3);
		ProcessInstance access = start("BORROW", dueOn.toString());
		complete(task(access), vars("approved", true, "opinion", "同意"));
		execute(job(access));

		Instant fivePmInShanghai = dueOn.atTime(17, 0).atZone(SHANGHAI).toInstant();
		Assertions.assertThat(job(Element.RETURN_OVERDUE, access).getDuedate().toInstant())
			.as("on a server in %s", TimeZone.getDefault().getID())
			.isEqualTo(fivePmInShanghai);
		Assertions.assertThat(task(access).getDueDate().toInstant()).isEqualTo(fivePmInShanghai);
		execute(job(Element.RETURN_OVERDUE, access));

		assertThat(access).isWaitingAt(Element.RECORD_RETURN, Element.CHASE_RETURN);
		complete(taskQuery().taskDefinitionKey(Element.CHASE_RETURN).singleResult(), vars("opinion", "已催还"));
		complete(taskQuery().taskDefinitionKey(Element.RECORD_RETURN).singleResult(), vars("fileReturned", true));
		assertThat(access).hasPassed(Element.RETURN_OVERDUE, Element.CHASE_RETURN, Element.FILE_RETURNED).isEnded();
	}

	private ProcessInstance start(String kind, String dueOn) {
		Map<String, Object> variables = vars("accessId", 1L, "archiveNumber", "DA-3-2-1501-01", "requestedBy",
				"receptionist", "approverGroup", "manager", "reason", "核对业主信息", "kind", kind);
		if (dueOn != null) {
			variables.put("dueOn", dueOn);
		}
		return runtimeService().startProcessInstanceByKey(ArchiveAccessProcess.KEY, "CY-1", variables);
	}

}
