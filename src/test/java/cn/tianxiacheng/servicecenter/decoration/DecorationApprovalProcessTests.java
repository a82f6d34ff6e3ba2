package cn.tianxiacheng.servicecenter.decoration;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.system.EstateHours;
import cn.tianxiacheng.servicecenter.system.EstateTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code DecorationApprovalProcess} with the real {@code DecorationReview.dmn},
 * timers executed, the delegates mocked (they answer as the records would).
 */
@Deployment(resources = {
		"processes/DecorationApprovalProcess.bpmn",
		"processes/DecorationReview.dmn",
		"forms/decoration-owner-consent.form",
		"forms/decoration-check-documents.form",
		"forms/decoration-supply-documents.form",
		"forms/decoration-remind.form",
		"forms/decoration-engineering-review.form",
		"forms/decoration-manager-approval.form",
		"forms/decoration-agreement.form",
		"forms/decoration-collect-fees.form",
		"forms/decoration-hand-over.form",
		"forms/decoration-acceptance.form",
		"forms/decoration-overrun.form",
		"forms/decoration-site-inspection.form",
		"forms/decoration-extension.form",
		"forms/decoration-stop-order.form",
		"forms/decoration-check-rectification.form",
		"forms/decoration-violation-decision.form",
		"forms/decoration-assess-deductions.form",
		"forms/decoration-refund.form" })
class DecorationApprovalProcessTests extends ProcessTestSupport {

	static final String NUMBER = "ZX-20261127-0001";

	private static final EstateTime SHANGHAI_TIME = new EstateTime(estate -> ZoneId.of("Asia/Shanghai"),
			estate -> EstateHours.DEFAULT);

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	final Map<String, JavaDelegate> delegates = new HashMap<>();

	/** What the record says when the permit's end comes: OVERRUN, EXTENDED or AWAITING_ACCEPTANCE. */
	String permitEndCheck = "OVERRUN";

	/** The violations the app recorded, taken one per rectification: serious or not. */
	final List<Boolean> reportedViolations = new ArrayList<>();

	@BeforeEach
	void registerMocks() {
		Mocks.register("estateTime", SHANGHAI_TIME);
		Mocks.register("decorationSchedule", new DecorationSchedule(new DecorationProperties(
				"DECORATION_DEPOSIT,DECORATION_MANAGEMENT", "WORKER_PASS", "GARBAGE_REMOVAL", Period.ofDays(3),
				Period.ofDays(90), Period.ofDays(7), Period.ofDays(30), Period.ofDays(7), 180)));
		for (String bean : new String[] { "recordOwnerConsentDelegate", "cancelDecorationDelegate",
				"refuseDecorationDelegate", "recordReviewsDelegate", "issueDecorationFeesDelegate",
				"checkDecorationFeesPaidDelegate", "issuePermitDelegate", "recordAcceptanceDelegate",
				"checkPermitEndDelegate", "scheduleInspectionDelegate", "recordInspectionDelegate",
				"openRectificationDelegate", "closeViolationDelegate", "recordViolationDecisionDelegate",
				"recordExtensionDelegate", "settleDepositDelegate", "archiveDecorationDelegate" }) {
			delegates.put(bean, registered(bean, JavaDelegate.class));
		}
		answer("recordOwnerConsentDelegate",
				e -> e.setVariable(Var.OWNER_CONSENTED, "GIVEN".equals(e.getVariable(Var.OWNER_CONSENT))));
		answer("recordReviewsDelegate", e -> e.setVariable(Var.APPROVED,
				!"REJECT".equals(e.getVariable(Var.ENGINEERING_DECISION)) && !"REJECT".equals(e.getVariable(Var.MANAGER_DECISION))));
		answer("checkDecorationFeesPaidDelegate", e -> e.setVariable(Var.FEES_PAID, true));
		answer("issuePermitDelegate", e -> {
			e.setVariable(Var.PERMIT_NUMBER, "XK2026-0001");
			e.setVariable(Var.PERMIT_END, LocalDate.now().plusDays(30).toString());
		});
		answer("recordAcceptanceDelegate",
				e -> e.setVariable(Var.ACCEPTANCE_PASSED, "PASSED".equals(e.getVariable(Var.ACCEPTANCE_RESULT))));
		answer("checkPermitEndDelegate", e -> e.setVariable(Var.PERMIT_END_CHECK, permitEndCheck));
		answer("scheduleInspectionDelegate", e -> {
			e.setVariableLocal(Var.INSPECTION_ID, 1L);
			e.setVariableLocal(Var.INSPECTION_RESULT, null);
		});
		answer("openRectificationDelegate", e -> {
			boolean serious = reportedViolations.remove(0);
			e.setVariableLocal(Var.SERIOUS, serious);
			e.setVariableLocal(Var.RECTIFY_BY, LocalDate.now().plusDays(3).toString());
			e.setVariableLocal(Var.VIOLATION_SUMMARY, serious ? "私拆承重墙" : "楼道堆放垃圾");
			e.setVariableLocal(Var.RECTIFICATION_RESULT, null);
		});
	}

	@Test
	void shouldApproveWithoutTheManagerAndRunToTheRefund() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.OWNER, EnumSet.of(Scope.WATERPROOFING));

		assertThat(decoration).isWaitingAt(Element.CHECK_DOCUMENTS).task().hasCandidateGroup("reception");
		taskService().claim(task(decoration).getId(), "receptionist2");
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));
		assertThat(decoration).hasPassed(Element.DECIDE_REVIEWS).isWaitingAt(Element.ENGINEERING_REVIEW);
		assertThat(decoration).variables().containsEntry(Var.MANAGER_REVIEW, false).containsEntry(Var.REFUSED_BY_RULES, false);
		assertThat(decoration).task().hasCandidateGroup("engineering");
		complete(task(decoration), vars(Var.ENGINEERING_DECISION, "APPROVE_WITH_CONDITIONS", Var.ENGINEERING_CONDITIONS,
				"闭水试验须物业见证", Var.OPINION, "同意"));
		run(decoration, Element.RECORD_REVIEWS);
		assertThat(decoration).isWaitingAt(Element.SIGN_AGREEMENT).task().isAssignedTo("receptionist2");
		toTheWorks(decoration);

		runtimeService().correlateMessage(DecorationApprovalProcess.COMPLETION_APPLIED, NUMBER);
		assertThat(decoration).isWaitingAt(Element.INSPECT_COMPLETION).task().hasCandidateGroup("engineering");
		taskService().claim(taskAt(Element.INSPECT_COMPLETION, decoration).getId(), "engineer2");
		complete(taskAt(Element.INSPECT_COMPLETION, decoration), vars(Var.ACCEPTANCE_RESULT, "PASSED", Var.OPINION, "合格"));
		run(decoration, Element.RECORD_ACCEPTANCE);
		assertThat(decoration).hasPassed(Element.WORKS_ACCEPTED, Element.WORKS).isWaitingAt(Element.HOLD_PERIOD_ENDS);
		Assertions.assertThat(jobQuery().activityId(Element.HOLD_PERIOD_ENDS).singleResult().getDuedate().toInstant())
			.as("the deposit is held 90 days")
			.isCloseTo(Instant.now().plus(90, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));
		Assertions.assertThat(jobQuery().activityId(Element.INSPECTION_DUE).count()).as("no inspection after acceptance")
			.isZero();

		run(decoration, Element.HOLD_PERIOD_ENDS);
		assertThat(decoration).isWaitingAt(Element.ASSESS_DEDUCTIONS).task().isAssignedTo("engineer2");
		complete(task(decoration), vars(Var.DAMAGE_AMOUNT, "120.50", Var.DAMAGE_DESCRIPTION, "电梯轿厢划伤",
				Var.WASTE_REMOVAL_AMOUNT, "0", Var.PASSES_RETURNED, 3, Var.OPINION, "核定扣款"));
		assertThat(decoration).isWaitingAt(Element.REFUND_DEPOSIT).task().isAssignedTo("cashier");
		complete(task(decoration), vars(Var.REFUND_METHOD, "TRANSFER"));
		run(decoration, Element.SETTLE_DEPOSIT);
		run(decoration, Element.ARCHIVE_DECORATION);

		verify(delegate("settleDepositDelegate")).execute(any());
		verify(delegate("archiveDecorationDelegate")).execute(any());
		verify(delegate("refuseDecorationDelegate"), never()).execute(any());
		assertThat(decoration).hasPassedInOrder(Element.CHECK_DOCUMENTS, Element.DECIDE_REVIEWS, Element.ENGINEERING_REVIEW,
				Element.RECORD_REVIEWS, Element.SIGN_AGREEMENT, Element.ISSUE_FEES, Element.COLLECT_FEES,
				Element.CHECK_FEES_PAID, Element.ISSUE_PERMIT, Element.HAND_OVER_PERMIT, Element.INSPECT_COMPLETION,
				Element.RECORD_ACCEPTANCE, Element.HOLD_PERIOD_ENDS, Element.ASSESS_DEDUCTIONS, Element.REFUND_DEPOSIT,
				Element.SETTLE_DEPOSIT, Element.ARCHIVE_DECORATION, Element.DECORATION_CLOSED)
			.hasNotPassed(Element.MANAGER_APPROVAL, Element.OBTAIN_OWNER_CONSENT)
			.isEnded();
	}

	@Test
	void shouldAskTheManagerToo_InParallel_WhenTheWorksChangeTheLookOfTheEstate() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.OWNER, EnumSet.of(Scope.BALCONY_ENCLOSURE));
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));

		assertThat(decoration).isWaitingAt(Element.ENGINEERING_REVIEW, Element.MANAGER_APPROVAL);
		Assertions.assertThat(taskQuery().taskDefinitionKey(Element.MANAGER_APPROVAL).singleResult())
			.extracting(Task::getName).isEqualTo("经理审批（影响外观）");
		complete(taskAt(Element.MANAGER_APPROVAL, decoration), vars(Var.MANAGER_DECISION, "APPROVE", Var.OPINION, "按统一样式"));
		assertThat(decoration).isWaitingAt(Element.ENGINEERING_REVIEW);
		complete(taskAt(Element.ENGINEERING_REVIEW, decoration), vars(Var.ENGINEERING_DECISION, "APPROVE", Var.OPINION, "同意"));
		run(decoration, Element.RECORD_REVIEWS);

		assertThat(decoration).isWaitingAt(Element.SIGN_AGREEMENT).task().hasCandidateGroup("reception");
	}

	@Test
	void shouldEndWhenTheManagerRefuses() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.OWNER, EnumSet.of(Scope.OUTSIDE_OPENINGS));
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));

		complete(taskAt(Element.ENGINEERING_REVIEW, decoration), vars(Var.ENGINEERING_DECISION, "APPROVE", Var.OPINION, "同意"));
		complete(taskAt(Element.MANAGER_APPROVAL, decoration), vars(Var.MANAGER_DECISION, "REJECT", Var.OPINION, "颜色不符"));
		run(decoration, Element.RECORD_REVIEWS);

		assertThat(decoration).hasPassed(Element.DECORATION_REJECTED).isEnded();
		verify(delegate("issueDecorationFeesDelegate"), never()).execute(any());
	}

	@Test
	void shouldRefuseWhatTheRulesForbid() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.OWNER, EnumSet.of(Scope.LOAD_BEARING_WALL, Scope.WATERPROOFING));
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));

		assertThat(decoration).variables().containsEntry(Var.REFUSED_BY_RULES, true);
		run(decoration, Element.REFUSE_DECORATION);

		verify(delegate("refuseDecorationDelegate")).execute(any());
		assertThat(decoration).hasPassed(Element.DECORATION_REFUSED).hasNotPassed(Element.ENGINEERING_REVIEW).isEnded();
	}

	@Test
	void shouldWaitForMissingPapersThenCheckThemAgain() {
		ProcessInstance decoration = start(ApplicantRole.OWNER, EnumSet.of(Scope.GAS_HEATING));

		taskService().claim(task(decoration).getId(), "receptionist");
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "MISSING", "missingDocuments", "燃气公司批准文件",
				Var.OPINION, "缺燃气批准"));
		assertThat(decoration).isWaitingAt(Element.SUPPLY_DOCUMENTS).task().isAssignedTo("receptionist");
		complete(task(decoration), vars("supplied", true));

		assertThat(decoration).isWaitingAt(Element.CHECK_DOCUMENTS).task().isAssignedTo("receptionist");
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "已补齐"));
		assertThat(decoration).isWaitingAt(Element.ENGINEERING_REVIEW);
	}

	@Test
	void shouldRemindAfterSevenDaysAndCancelAfterThirty() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.OWNER, EnumSet.noneOf(Scope.class));
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "MISSING", "missingDocuments", "施工图", Var.OPINION, "缺图"));
		Assertions.assertThat(jobQuery().activityId(Element.SUPPLY_REMINDER_DUE).singleResult().getDuedate().toInstant())
			.isCloseTo(Instant.now().plus(7, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));

		run(decoration, Element.SUPPLY_REMINDER_DUE);
		assertThat(decoration).isWaitingAt(Element.SUPPLY_DOCUMENTS, Element.REMIND_APPLICANT);
		complete(taskAt(Element.REMIND_APPLICANT, decoration), vars(Var.OPINION, "已电话提醒"));
		assertThat(decoration).isWaitingAt(Element.SUPPLY_DOCUMENTS);

		run(decoration, Element.SUPPLY_OVERDUE);
		run(decoration, Element.CANCEL_DECORATION);

		verify(delegate("cancelDecorationDelegate")).execute(any());
		assertThat(decoration).hasPassed(Element.DECORATION_CANCELLED).isEnded();
	}

	@Test
	void shouldEndATenantsApplicationWithoutTheOwnersConsent() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.TENANT, EnumSet.noneOf(Scope.class));

		assertThat(decoration).isWaitingAt(Element.OBTAIN_OWNER_CONSENT).task().hasCandidateGroup("reception");
		complete(task(decoration), vars(Var.OWNER_CONSENT, "REFUSED", Var.OPINION, "业主不同意出租户装修"));
		run(decoration, Element.RECORD_OWNER_CONSENT);

		assertThat(decoration).hasPassed(Element.NO_OWNER_CONSENT).hasNotPassed(Element.CHECK_DOCUMENTS).isEnded();
	}

	@Test
	void shouldCheckATenantsPapersOnceTheOwnerConsents() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.AGENT, EnumSet.noneOf(Scope.class));

		complete(task(decoration), vars(Var.OWNER_CONSENT, "GIVEN", Var.OPINION, "业主书面同意"));
		run(decoration, Element.RECORD_OWNER_CONSENT);

		assertThat(decoration).isWaitingAt(Element.CHECK_DOCUMENTS);
		assertThat(decoration).variables().containsEntry(Var.OWNER_CONSENTED, true);
	}

	@Test
	void shouldInspectTheSiteEveryThreeDaysWhileTheWorksRun() throws Exception {
		ProcessInstance decoration = approvedAndStarted();
		Assertions.assertThat(jobQuery().activityId(Element.INSPECTION_DUE).singleResult().getDuedate().toInstant())
			.isCloseTo(Instant.now().plus(3, ChronoUnit.DAYS), within(1, ChronoUnit.HOURS));

		for (int round = 1; round <= 2; round++) {
			run(decoration, Element.INSPECTION_DUE);
			run(decoration, Element.SCHEDULE_INSPECTION);
			Task inspection = taskAt(Element.INSPECT_SITE, decoration);
			Assertions.assertThat(taskQuery().taskCandidateGroup("engineering").taskDefinitionKey(Element.INSPECT_SITE).count())
				.isOne();
			complete(inspection, vars("electricalOk", true, "wasteOk", false, Var.INSPECTION_RESULT, "OK",
					Var.INSPECTION_NOTES, "第 " + round + " 次巡检"));
			run(decoration, Element.RECORD_INSPECTION);
			Assertions.assertThat(jobQuery().activityId(Element.INSPECTION_DUE).count()).as("the next one is due").isOne();
		}

		verify(delegate("recordInspectionDelegate"), times(2)).execute(any());
		assertThat(decoration).isWaitingAt(Element.COMPLETION_APPLIED, Element.PERMIT_ENDS);
	}

	@Test
	void shouldStopTheWorksAndResumeThemWhenASeriousViolationIsRectified() throws Exception {
		ProcessInstance decoration = approvedAndStarted();
		reportedViolations.add(true);

		runtimeService().correlateMessage(DecorationApprovalProcess.VIOLATION_REPORTED, NUMBER);
		run(decoration, Element.OPEN_RECTIFICATION);
		assertThat(decoration).isWaitingAt(Element.DELIVER_STOP_ORDER).task().hasCandidateGroup("security");
		complete(taskAt(Element.DELIVER_STOP_ORDER, decoration), vars("stopOrderDelivered", true, Var.OPINION, "已送达"));
		assertThat(decoration).isWaitingAt(Element.CHECK_RECTIFICATION).task().hasCandidateGroup("engineering");
		complete(taskAt(Element.CHECK_RECTIFICATION, decoration), vars(Var.RECTIFICATION_RESULT, "RECTIFIED", Var.OPINION, "已恢复"));
		run(decoration, Element.CLOSE_VIOLATION);

		verify(delegate("closeViolationDelegate")).execute(any());
		assertThat(decoration).hasPassed(Element.VIOLATION_RECTIFIED).hasNotPassed(Element.DECIDE_VIOLATION)
			.isWaitingAt(Element.COMPLETION_APPLIED, Element.PERMIT_ENDS);
	}

	@Test
	void shouldLetTheManagerDeductAndReportAViolationNotRectifiedByItsDate() throws Exception {
		ProcessInstance decoration = approvedAndStarted();
		reportedViolations.add(false);
		runtimeService().correlateMessage(DecorationApprovalProcess.VIOLATION_REPORTED, NUMBER);
		run(decoration, Element.OPEN_RECTIFICATION);
		assertThat(decoration).hasNotPassed(Element.DELIVER_STOP_ORDER).isWaitingAt(Element.CHECK_RECTIFICATION);
		Assertions.assertThat(jobQuery().activityId(Element.RECTIFY_BY_PASSED).singleResult().getDuedate())
			.isEqualTo(SHANGHAI_TIME.at(LocalDate.now().plusDays(3), "23:59:59"));

		run(decoration, Element.RECTIFY_BY_PASSED);
		assertThat(decoration).isWaitingAt(Element.DECIDE_VIOLATION).task().hasCandidateGroup("manager");
		complete(taskAt(Element.DECIDE_VIOLATION, decoration), vars(Var.DEDUCTION_AMOUNT, "500.00", Var.REPORT_TO_AUTHORITY,
				true, Var.AUTHORITY_NAME, "区城市管理综合执法局", Var.REPORTED_ON, LocalDate.now().toString(),
				Var.REPORT_REFERENCE, "城执受〔2026〕118 号", Var.OPINION, "扣款并上报"));
		run(decoration, Element.RECORD_VIOLATION_DECISION);

		verify(delegate("recordViolationDecisionDelegate")).execute(any());
		assertThat(decoration).hasPassed(Element.VIOLATION_DECIDED).hasNotPassed(Element.CLOSE_VIOLATION);
	}

	@Test
	void shouldKeepTwoOverlappingRectificationsApart() throws Exception {
		ProcessInstance decoration = approvedAndStarted();
		reportedViolations.addAll(List.of(false, false));
		runtimeService().correlateMessage(DecorationApprovalProcess.VIOLATION_REPORTED, NUMBER);
		runtimeService().correlateMessage(DecorationApprovalProcess.VIOLATION_REPORTED, NUMBER);
		for (var job : jobQuery().activityId(Element.OPEN_RECTIFICATION).list()) {
			execute(job);
		}
		List<Task> checks = taskQuery().taskDefinitionKey(Element.CHECK_RECTIFICATION).list();
		Assertions.assertThat(checks).hasSize(2);

		complete(checks.get(0), vars(Var.RECTIFICATION_RESULT, "NOT_RECTIFIED", Var.OPINION, "拒不整改"));
		complete(checks.get(1), vars(Var.RECTIFICATION_RESULT, "RECTIFIED", Var.OPINION, "已整改"));

		Assertions.assertThat(taskQuery().taskDefinitionKey(Element.DECIDE_VIOLATION).count()).isOne();
		Assertions.assertThat(jobQuery().activityId(Element.CLOSE_VIOLATION).count()).isOne();
		Assertions.assertThat(runtimeService().getVariable(decoration.getId(), Var.RECTIFICATION_RESULT))
			.as("each rectification's result stays its own").isNull();
	}

	@Test
	void shouldMoveThePermitEndAfterAnApprovedExtension() throws Exception {
		ProcessInstance decoration = approvedAndStarted();

		runtimeService().createMessageCorrelation(DecorationApprovalProcess.EXTENSION_REQUESTED)
			.processInstanceBusinessKey(NUMBER)
			.setVariable(Var.EXTENSION_REQUEST, "延期至 2027-03-31：地板到货延迟")
			.correlate();
		assertThat(decoration).isWaitingAt(Element.REVIEW_EXTENSION).task().hasCandidateGroup("engineering");
		complete(taskAt(Element.REVIEW_EXTENSION, decoration), vars(Var.EXTENSION_DECISION, "APPROVE", Var.OPINION, "同意"));
		run(decoration, Element.RECORD_EXTENSION);
		verify(delegate("recordExtensionDelegate")).execute(any());

		permitEndCheck = "EXTENDED";
		run(decoration, Element.PERMIT_ENDS);
		run(decoration, Element.CHECK_PERMIT_END);
		assertThat(decoration).isWaitingAt(Element.PERMIT_ENDS, Element.COMPLETION_APPLIED)
			.hasNotPassed(Element.FOLLOW_UP_OVERRUN);
	}

	@Test
	void shouldAskReceptionToFollowUpWorksPastTheirEnd() throws Exception {
		ProcessInstance decoration = approvedAndStarted();

		run(decoration, Element.PERMIT_ENDS);
		run(decoration, Element.CHECK_PERMIT_END);
		assertThat(decoration).isWaitingAt(Element.FOLLOW_UP_OVERRUN).task().hasCandidateGroup("reception");
		complete(taskAt(Element.FOLLOW_UP_OVERRUN, decoration), vars("overrunAction", "EXTENSION_ADVISED", Var.OPINION,
				"已通知业主办理延期"));
		assertThat(decoration).isWaitingAt(Element.FOLLOW_UP_DUE);

		permitEndCheck = "AWAITING_ACCEPTANCE";
		run(decoration, Element.FOLLOW_UP_DUE);
		run(decoration, Element.CHECK_PERMIT_END);
		assertThat(decoration).isWaitingAt(Element.FOLLOW_UP_DUE, Element.COMPLETION_APPLIED);
	}

	@Test
	void shouldSendTheWorksBackWhenTheAcceptanceFailsThenPass() throws Exception {
		ProcessInstance decoration = approvedAndStarted();

		runtimeService().correlateMessage(DecorationApprovalProcess.COMPLETION_APPLIED, NUMBER);
		taskService().claim(taskAt(Element.INSPECT_COMPLETION, decoration).getId(), "engineer");
		complete(taskAt(Element.INSPECT_COMPLETION, decoration), vars(Var.ACCEPTANCE_RESULT, "FAILED", Var.DEFECTS,
				"卫生间闭水试验渗漏\n空调孔未封堵", Var.OPINION, "不合格"));
		run(decoration, Element.RECORD_ACCEPTANCE);
		assertThat(decoration).isWaitingAt(Element.COMPLETION_APPLIED, Element.PERMIT_ENDS);
		Assertions.assertThat(jobQuery().activityId(Element.INSPECTION_DUE).count()).as("inspections go on").isOne();

		runtimeService().correlateMessage(DecorationApprovalProcess.COMPLETION_APPLIED, NUMBER);
		assertThat(taskAt(Element.INSPECT_COMPLETION, decoration)).as("the inspector who refused it inspects it again")
			.isAssignedTo("engineer");
		complete(taskAt(Element.INSPECT_COMPLETION, decoration), vars(Var.ACCEPTANCE_RESULT, "PASSED", Var.OPINION, "合格"));
		run(decoration, Element.RECORD_ACCEPTANCE);

		verify(delegate("recordAcceptanceDelegate"), times(2)).execute(any());
		assertThat(decoration).isWaitingAt(Element.HOLD_PERIOD_ENDS);
		Assertions.assertThat(jobQuery().processInstanceId(decoration.getId()).count()).as("only the hold period waits")
			.isOne();
	}

	@Test
	void shouldMoveOnByItselfWhenPaidAtTheCounter() throws Exception {
		ProcessInstance decoration = approved();
		complete(task(decoration), vars("agreementSigned", true, "prohibitedActsAcknowledged", true, Var.PERMITTED_HOURS,
				"8:00–12:00，14:00–18:00；法定节假日不得进行产生噪音的施工", Var.WASTE_REMOVAL, "SELF"));
		run(decoration, Element.ISSUE_FEES);
		assertThat(decoration).isWaitingAt(Element.COLLECT_FEES).task().hasCandidateGroup("cashier");

		runtimeService().createMessageCorrelation(DecorationApprovalProcess.FEES_PAID).processInstanceBusinessKey(NUMBER)
			.correlate();

		assertThat(decoration).hasPassed(Element.PAID_AT_COUNTER).hasNotPassed(Element.CHECK_FEES_PAID)
			.isWaitingAt(Element.ISSUE_PERMIT);
	}

	private ProcessInstance approved() throws Exception {
		ProcessInstance decoration = start(ApplicantRole.OWNER, EnumSet.of(Scope.ELECTRICAL_REWIRING));
		complete(task(decoration), vars(Var.DOCUMENTS_RESULT, "COMPLETE", Var.OPINION, "资料齐全"));
		complete(task(decoration), vars(Var.ENGINEERING_DECISION, "APPROVE", Var.OPINION, "同意"));
		run(decoration, Element.RECORD_REVIEWS);
		return decoration;
	}

	private ProcessInstance approvedAndStarted() throws Exception {
		ProcessInstance decoration = approved();
		toTheWorks(decoration);
		return decoration;
	}

	/** From the approval to the works: agreement, fees collected at the cashier's task, permit handed over. */
	private void toTheWorks(ProcessInstance decoration) throws Exception {
		assertThat(decoration).isWaitingAt(Element.SIGN_AGREEMENT);
		String signer = task(decoration).getAssignee();
		complete(task(decoration), vars("agreementSigned", true, "prohibitedActsAcknowledged", true, Var.PERMITTED_HOURS,
				"8:00–12:00，14:00–18:00；法定节假日不得进行产生噪音的施工", Var.WASTE_REMOVAL, "PROPERTY"));
		run(decoration, Element.ISSUE_FEES);
		taskService().claim(task(decoration).getId(), "cashier");
		complete(task(decoration), vars(Var.OPINION, "已收"));
		run(decoration, Element.CHECK_FEES_PAID);
		run(decoration, Element.ISSUE_PERMIT);
		assertThat(decoration).isWaitingAt(Element.HAND_OVER_PERMIT);
		Assertions.assertThat(task(decoration).getAssignee()).as("whoever signed the agreement hands over the permit")
			.isEqualTo(signer);
		complete(task(decoration), vars("permitHandedOver", true, "passesHandedOver", true));
		assertThat(decoration).isWaitingAt(Element.COMPLETION_APPLIED, Element.PERMIT_ENDS);
		Assertions.assertThat(jobQuery().activityId(Element.PERMIT_ENDS).singleResult().getDuedate())
			.isEqualTo(SHANGHAI_TIME.at(LocalDate.now().plusDays(30), "23:59:59"));
	}

	private ProcessInstance start(ApplicantRole role, Set<Scope> scope) {
		Map<String, Object> variables = new HashMap<>(DecorationRules.inputs(role, scope));
		variables.put(Var.CASE_NUMBER, NUMBER);
		variables.put(Var.UNIT_ID, 557L);
		variables.put(Var.UNIT_NUMBER, "3-2-1501");
		variables.put(Var.APPLICANT_IS_OWNER, role == ApplicantRole.OWNER);
		variables.put(Var.RECENT_STEPS, "");
		variables.put(Var.VIOLATION_DEDUCTIONS, "0.00");
		return runtimeService().startProcessInstanceByKey(DecorationApprovalProcess.KEY, NUMBER, variables);
	}

	private static void run(ProcessInstance decoration, String activityId) {
		execute(job(activityId, decoration));
	}

	private static Task taskAt(String taskKey, ProcessInstance decoration) {
		return taskQuery().processInstanceId(decoration.getId()).taskDefinitionKey(taskKey).singleResult();
	}

	private JavaDelegate delegate(String bean) {
		return delegates.get(bean);
	}

	private void answer(String bean, Consumer<DelegateExecution> answer) {
		answer(delegates.get(bean), answer);
	}

}
