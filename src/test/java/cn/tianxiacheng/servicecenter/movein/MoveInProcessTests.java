package cn.tianxiacheng.servicecenter.movein;

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

import java.util.Map;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.movein.MoveInProcess.Element;
import cn.tianxiacheng.servicecenter.movein.MoveInProcess.Var;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code MoveInProcess}, with its delegates mocked.
 */
@Deployment(resources = {
		"processes/MoveInProcess.bpmn",
		"forms/movein-check-documents.form",
		"forms/movein-agreements.form",
		"forms/movein-collect-fees.form",
		"forms/movein-handover.form",
		"forms/movein-supply-documents.form",
		"forms/movein-remind.form" })
class MoveInProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate issueFees = registered("issueOpeningFeesDelegate", JavaDelegate.class);

	JavaDelegate checkPaid = registered("checkOpeningFeesPaidDelegate", JavaDelegate.class);

	JavaDelegate reject = registered("rejectMoveInDelegate", JavaDelegate.class);

	JavaDelegate cancel = registered("cancelMoveInDelegate", JavaDelegate.class);

	JavaDelegate completeMoveIn = registered("completeMoveInDelegate", JavaDelegate.class);

	boolean paid = true;

	@BeforeEach
	void registerMocks() {
		Mocks.register("handOverListener", new HandOverListener());
		answer(checkPaid, execution -> execution.setVariable(Var.OPENING_FEES_PAID, paid));
	}

	@Test
	void shouldCompleteAMoveIn() throws Exception {
		ProcessInstance moveIn = start();

		assertThat(moveIn).isWaitingAt(Element.CHECK_DOCUMENTS).task().hasCandidateGroup("reception").isNotAssigned();
		doneBy("receptionist2", moveIn, vars("documentsResult", "COMPLETE"));
		assertThat(moveIn).isWaitingAt(Element.SIGN_AGREEMENTS).task().isAssignedTo("receptionist2");
		doneBy("receptionist2", moveIn, vars("rulesSigned", true, "serviceAgreementSigned", true, "decorationNoticeSigned", true));
		assertThat(moveIn).isWaitingAt(Element.ISSUE_OPENING_FEES);
		execute(job(moveIn));
		verify(issueFees).execute(any());
		assertThat(moveIn).isWaitingAt(Element.COLLECT_OPENING_FEES).task().hasCandidateGroup("cashier").isNotAssigned();
		doneBy("cashier", moveIn, vars("opinion", "已收"));
		assertThat(moveIn).isWaitingAt(Element.INSPECT_AND_HAND_OVER).task().isAssignedTo("receptionist2");
		complete(task(moveIn), vars(Var.DEFECTS, "主卧墙面裂缝\n卫生间地漏堵塞", "waterReading", 12.5, "electricityReading", 30.0,
				"gasReading", 1.2, "keysHandedOver", 3L, "accessCardsHandedOver", 2L));
		assertThat(moveIn).isWaitingAt(Element.COMPLETE_MOVE_IN);
		execute(job(moveIn));

		verify(completeMoveIn).execute(any());
		assertThat(moveIn).hasPassedInOrder(Element.CHECK_DOCUMENTS, Element.SIGN_AGREEMENTS, Element.ISSUE_OPENING_FEES,
				Element.COLLECT_OPENING_FEES, Element.CHECK_OPENING_FEES_PAID, Element.INSPECT_AND_HAND_OVER,
				Element.COMPLETE_MOVE_IN, Element.MOVED_IN).isEnded();
	}

	@Test
	void shouldWaitForMissingPapersThenCheckThemAgain() {
		ProcessInstance moveIn = start();

		doneBy("receptionist", moveIn, vars("documentsResult", "MISSING", "missingDocuments", "入伙通知书"));
		assertThat(moveIn).isWaitingAt(Element.SUPPLY_DOCUMENTS).task().isAssignedTo("receptionist");
		doneBy("receptionist", moveIn, vars("supplied", true));

		assertThat(moveIn).isWaitingAt(Element.CHECK_DOCUMENTS).task().isAssignedTo("receptionist");
		doneBy("receptionist", moveIn, vars("documentsResult", "COMPLETE"));
		assertThat(moveIn).isWaitingAt(Element.SIGN_AGREEMENTS).task().isAssignedTo("receptionist");
	}

	@Test
	void shouldGiveTheNextStepToWhoeverTookTheCaseBackFromTheQueue() {
		ProcessInstance moveIn = start();
		doneBy("receptionist", moveIn, vars("documentsResult", "MISSING", "missingDocuments", "入伙通知书"));

		taskService().setAssignee(task(moveIn).getId(), null);
		assertThat(task(moveIn)).isNotAssigned();
		doneBy("receptionist2", moveIn, vars("supplied", true));

		assertThat(moveIn).isWaitingAt(Element.CHECK_DOCUMENTS).task().isAssignedTo("receptionist2");
	}

	@Test
	void shouldRemindAfterSevenDaysAndCancelAfterThirty() throws Exception {
		ProcessInstance moveIn = start();
		complete(task(moveIn), vars("documentsResult", "MISSING", "missingDocuments", "购房合同"));

		execute(job(Element.SUPPLY_REMINDER_DUE, moveIn));
		assertThat(moveIn).isWaitingAt(Element.SUPPLY_DOCUMENTS, Element.REMIND_OWNER);
		complete(taskQuery().taskDefinitionKey(Element.REMIND_OWNER).singleResult(), vars("opinion", "已电话提醒"));
		assertThat(moveIn).isWaitingAt(Element.SUPPLY_DOCUMENTS);

		execute(job(Element.SUPPLY_OVERDUE, moveIn));

		verify(cancel).execute(any());
		assertThat(moveIn).hasPassed(Element.CANCEL_MOVE_IN, Element.MOVE_IN_CANCELLED).isEnded();
	}

	@Test
	void shouldRejectInvalidPapers() throws Exception {
		ProcessInstance moveIn = start();

		complete(task(moveIn), vars("documentsResult", "INVALID", "opinion", "合同与房号不符"));

		verify(reject).execute(any());
		assertThat(moveIn).hasPassed(Element.MOVE_IN_REJECTED).isEnded();
		verify(issueFees, never()).execute(any());
	}

	@Test
	void shouldMoveOnByItselfWhenPaidAtTheCounter() {
		ProcessInstance moveIn = toTheCashier();

		runtimeService().createMessageCorrelation(MoveInProcess.FEES_PAID).processInstanceBusinessKey("RH-20261127-0001")
			.correlate();

		assertThat(moveIn).hasPassed(Element.PAID_AT_COUNTER).isWaitingAt(Element.INSPECT_AND_HAND_OVER);
	}

	@Test
	void shouldKeepTheCashiersTaskWhileFeesAreUnpaid() {
		paid = false;
		ProcessInstance moveIn = toTheCashier();

		doneBy("cashier", moveIn, vars("opinion", "业主只带了一半"));

		assertThat(moveIn).isWaitingAt(Element.COLLECT_OPENING_FEES).task().isAssignedTo("cashier");
	}

	/** The user claims the task (already theirs when the model gave it to them) and completes it. */
	private static void doneBy(String user, ProcessInstance moveIn, Map<String, Object> variables) {
		taskService().claim(task(moveIn).getId(), user);
		complete(task(moveIn), variables);
	}

	private ProcessInstance toTheCashier() {
		ProcessInstance moveIn = start();
		complete(task(moveIn), vars("documentsResult", "COMPLETE"));
		complete(task(moveIn), vars("rulesSigned", true, "serviceAgreementSigned", true, "decorationNoticeSigned", true));
		execute(job(moveIn));
		return moveIn;
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(MoveInProcess.KEY, "RH-20261127-0001",
				vars(Var.MOVE_IN_ID, 1L, Var.CASE_NUMBER, "RH-20261127-0001", Var.UNIT_ID, 557L, Var.UNIT_NUMBER,
						"3-2-1501"));
	}

}
