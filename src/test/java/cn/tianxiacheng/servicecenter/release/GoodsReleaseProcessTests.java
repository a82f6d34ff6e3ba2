package cn.tianxiacheng.servicecenter.release;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Element;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code GoodsReleaseProcess}: an owner's pass released at the gate; a tenant's and
 * an agent's confirmed by the owner; the owner declines; no confirmation within the window; the
 * review refuses; a move-out with arrears decided by the manager either way; refused at the gate;
 * revoked; expired unused.
 */
@Deployment(resources = {
		"processes/GoodsReleaseProcess.bpmn",
		"forms/release-confirm-owner.form",
		"forms/release-review.form",
		"forms/release-move-out.form" })
class GoodsReleaseProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate checkAccount = registered("checkReleaseAccountDelegate", JavaDelegate.class);

	JavaDelegate recordOwnerConfirmation = registered("recordOwnerConfirmationDelegate", JavaDelegate.class);

	JavaDelegate recordReview = registered("recordReleaseReviewDelegate", JavaDelegate.class);

	JavaDelegate recordMoveOutDecision = registered("recordMoveOutDecisionDelegate", JavaDelegate.class);

	JavaDelegate issue = registered("issueReleasePassDelegate", JavaDelegate.class);

	JavaDelegate refuse = registered("refuseReleaseRequestDelegate", JavaDelegate.class);

	JavaDelegate expire = registered("expireReleasePassDelegate", JavaDelegate.class);

	boolean inArrears;

	@BeforeEach
	void registerMocks() {
		answer(checkAccount, execution -> {
			execution.setVariable(Var.ARREARS, inArrears ? "1280.40" : "0.00");
			execution.setVariable(Var.IN_ARREARS, inArrears);
			execution.setVariable(Var.LEASE_NOTE, "—");
		});
		answer(recordOwnerConfirmation, execution -> execution.setVariable(Var.OWNER_CONFIRMED,
				!"DECLINED".equals(execution.getVariable(Var.OWNER_CONFIRMATION))));
		answer(recordReview, execution -> execution.setVariable(Var.REVIEW_APPROVED,
				"APPROVE".equals(execution.getVariable(Var.REVIEW_RESULT))));
	}

	@Test
	void shouldReleaseAnOwnersGoodsAtTheGate() throws Exception {
		ProcessInstance pass = start("OWNER", false);

		execute(job(pass));
		assertThat(pass).isWaitingAt(Element.REVIEW_REQUEST).task().hasCandidateGroup("reception");
		complete(task(pass), vars("reviewResult", "APPROVE", "opinion", "物品与申请一致"));
		execute(job(pass));
		execute(job(pass));
		assertThat(pass).isWaitingAt(Element.AT_THE_GATE);
		verify(issue).execute(any());

		correlate(GoodsReleaseProcess.GOODS_RELEASED);

		assertThat(pass).hasPassedInOrder(Element.CHECK_ACCOUNT, Element.REVIEW_REQUEST, Element.RECORD_REVIEW,
				Element.ISSUE_PASS, Element.GOODS_RELEASED).isEnded();
		assertThat(pass).hasNotPassed(Element.CONFIRM_WITH_OWNER);
	}

	@Test
	void shouldAskTheOwnerBeforeReviewingATenantsRequest() throws Exception {
		ProcessInstance pass = start("TENANT", false);
		execute(job(pass));

		assertThat(pass).isWaitingAt(Element.CONFIRM_WITH_OWNER).task().hasCandidateGroup("reception");
		complete(task(pass), vars("ownerConfirmation", "PHONE", "opinion", "业主电话同意"));
		execute(job(pass));
		assertThat(pass).isWaitingAt(Element.REVIEW_REQUEST);
		complete(task(pass), vars("reviewResult", "APPROVE", "opinion", "同意"));
		execute(job(pass));
		execute(job(pass));
		correlate(GoodsReleaseProcess.GOODS_RELEASED);

		assertThat(pass).hasPassedInOrder(Element.CONFIRM_WITH_OWNER, Element.RECORD_OWNER_CONFIRMATION,
				Element.REVIEW_REQUEST, Element.ISSUE_PASS, Element.GOODS_RELEASED).isEnded();
	}

	@Test
	void shouldIssueAnAgentsPassWithTheOwnersWrittenAuthorisation() throws Exception {
		ProcessInstance pass = start("AGENT", false);
		execute(job(pass));
		complete(task(pass), vars("ownerConfirmation", "WRITTEN", "opinion", "授权书已收存"));
		execute(job(pass));
		complete(task(pass), vars("reviewResult", "APPROVE", "opinion", "同意"));
		execute(job(pass));
		execute(job(pass));

		assertThat(pass).isWaitingAt(Element.AT_THE_GATE);
		verify(issue).execute(any());
	}

	@Test
	void shouldRefuseWhenTheOwnerDeclines() throws Exception {
		ProcessInstance pass = start("TENANT", false);
		execute(job(pass));
		complete(task(pass), vars("ownerConfirmation", "DECLINED", "opinion", "业主不同意搬出家电"));
		execute(job(pass));
		execute(job(pass));

		verify(refuse).execute(any());
		assertThat(pass).hasPassed(Element.REFUSE_REQUEST, Element.REQUEST_REFUSED).hasNotPassed(Element.REVIEW_REQUEST)
			.isEnded();
	}

	@Test
	void shouldRefuseWhenTheOwnerDoesNotConfirmWithinTheWindow() throws Exception {
		ProcessInstance pass = start("AGENT", false);
		execute(job(pass));

		execute(job(Element.NOT_CONFIRMED_IN_TIME, pass));
		execute(job(pass));

		verify(refuse).execute(any());
		assertThat(pass).hasPassed(Element.NOT_CONFIRMED_IN_TIME, Element.REQUEST_REFUSED).isEnded();
	}

	@Test
	void shouldRefuseWhenTheReviewRefuses() throws Exception {
		ProcessInstance pass = start("OWNER", false);
		execute(job(pass));
		complete(task(pass), vars("reviewResult", "REFUSE", "opinion", "物品含公共设施"));
		execute(job(pass));
		execute(job(pass));

		assertThat(pass).hasPassed(Element.REQUEST_REFUSED).hasNotPassed(Element.ISSUE_PASS).isEnded();
	}

	@Test
	void shouldLetTheManagerDecideAMoveOutWithArrears() throws Exception {
		inArrears = true;
		ProcessInstance pass = start("OWNER", true);
		execute(job(pass));
		complete(task(pass), vars("reviewResult", "APPROVE", "opinion", "已提醒缴费"));
		execute(job(pass));

		assertThat(pass).isWaitingAt(Element.DECIDE_MOVE_OUT).task().hasCandidateGroup("manager");
		complete(task(pass), vars("managerApproved", true, "opinion", "业主承诺月底前缴清"));
		execute(job(pass));
		execute(job(pass));

		assertThat(pass).isWaitingAt(Element.AT_THE_GATE);
		verify(recordMoveOutDecision).execute(any());
	}

	@Test
	void shouldRefuseAMoveOutWithArrearsTheManagerDoesNotApprove() throws Exception {
		inArrears = true;
		ProcessInstance pass = start("OWNER", true);
		execute(job(pass));
		complete(task(pass), vars("reviewResult", "APPROVE", "opinion", "已提醒缴费"));
		execute(job(pass));
		complete(task(pass), vars("managerApproved", false, "opinion", "先与业主面谈"));
		execute(job(pass));
		execute(job(pass));

		assertThat(pass).hasPassed(Element.DECIDE_MOVE_OUT, Element.REQUEST_REFUSED).isEnded();
		verify(issue, never()).execute(any());
	}

	@Test
	void shouldNotAskTheManagerAboutGoodsThatAreNotAMoveOut() throws Exception {
		inArrears = true;
		ProcessInstance pass = start("OWNER", false);
		execute(job(pass));
		complete(task(pass), vars("reviewResult", "APPROVE", "opinion", "已提醒缴费"));
		execute(job(pass));
		execute(job(pass));

		assertThat(pass).isWaitingAt(Element.AT_THE_GATE).hasNotPassed(Element.DECIDE_MOVE_OUT);
	}

	@Test
	void shouldEndAPassRefusedAtTheGate() throws Exception {
		ProcessInstance pass = issued();

		correlate(GoodsReleaseProcess.REFUSED_AT_GATE);

		assertThat(pass).hasPassed(Element.REFUSED_AT_GATE).isEnded();
	}

	@Test
	void shouldEndARevokedPass() throws Exception {
		ProcessInstance pass = issued();

		correlate(GoodsReleaseProcess.PASS_REVOKED);

		assertThat(pass).hasPassed(Element.PASS_REVOKED).isEnded();
	}

	@Test
	void shouldExpireAnUnusedPassAtTheEndOfItsWindow() throws Exception {
		ProcessInstance pass = issued();

		execute(job(Element.WINDOW_ENDED, pass));
		execute(job(pass));

		verify(expire).execute(any());
		assertThat(pass).hasPassed(Element.EXPIRE_PASS, Element.PASS_EXPIRED).isEnded();
	}

	private ProcessInstance issued() throws Exception {
		ProcessInstance pass = start("OWNER", false);
		execute(job(pass));
		complete(task(pass), vars("reviewResult", "APPROVE", "opinion", "同意"));
		execute(job(pass));
		execute(job(pass));
		assertThat(pass).isWaitingAt(Element.AT_THE_GATE);
		return pass;
	}

	private static void correlate(String message) {
		runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("FX-20261127-0001").correlate();
	}

	private static ProcessInstance start(String applicantKind, boolean moveOut) {
		return runtimeService().startProcessInstanceByKey(GoodsReleaseProcess.KEY, "FX-20261127-0001",
				vars(Var.CASE_NUMBER, "FX-20261127-0001", Var.UNIT_NUMBER, "3-2-1501", Var.APPLICANT_KIND, applicantKind,
						Var.MOVE_OUT, moveOut, Var.VALID_TO, Instant.now().plus(4, ChronoUnit.HOURS).toString(),
						Var.RECENT_STEPS, "", Var.REQUESTED_BY, "receptionist", Var.REVIEW_GROUP, "reception",
						Var.MOVE_OUT_GROUP, "manager"));
	}

}
