package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.journal.Journal;

/**
 * {@code DecorationApprovalProcess} (装修申报审批): key, decision, messages, element ids and
 * variables.
 */
public final class DecorationApprovalProcess {

	public static final String KEY = "DecorationApprovalProcess";

	public static final String DECISION = "DecorationReview";

	/** The fees were paid at the counter: the cashier's task is over. */
	public static final String FEES_PAID = "DecorationFeesPaid";

	/** The owner applied for the completion inspection (竣工验收). */
	public static final String COMPLETION_APPLIED = "DecorationCompletionApplied";

	/** A violation was recorded (inspection, patrol, neighbour's complaint): a rectification opens. */
	public static final String VIOLATION_REPORTED = "DecorationViolationReported";

	/** The owner asked to extend the permit. */
	public static final String EXTENSION_REQUESTED = "DecorationExtensionRequested";

	private DecorationApprovalProcess() {
	}

	public static final class Element {

		public static final String APPLIED = "StartEvent_DecorationApplied";

		public static final String OBTAIN_OWNER_CONSENT = "Task_ObtainOwnerConsent";

		public static final String RECORD_OWNER_CONSENT = "Task_RecordOwnerConsent";

		public static final String NO_OWNER_CONSENT = "EndEvent_NoOwnerConsent";

		public static final String CHECK_DOCUMENTS = "Task_CheckDocuments";

		public static final String SUPPLY_DOCUMENTS = "Task_SupplyDocuments";

		public static final String SUPPLY_REMINDER_DUE = "BoundaryEvent_SupplyReminderDue";

		public static final String REMIND_APPLICANT = "Task_RemindApplicant";

		public static final String SUPPLY_OVERDUE = "BoundaryEvent_SupplyOverdue";

		public static final String CANCEL_DECORATION = "Task_CancelDecoration";

		public static final String DECORATION_CANCELLED = "EndEvent_DecorationCancelled";

		public static final String DECIDE_REVIEWS = "Task_DecideReviews";

		public static final String REFUSE_DECORATION = "Task_RefuseDecoration";

		public static final String DECORATION_REFUSED = "EndEvent_DecorationRefused";

		public static final String ENGINEERING_REVIEW = "Task_EngineeringReview";

		public static final String MANAGER_APPROVAL = "Task_ManagerApproval";

		public static final String RECORD_REVIEWS = "Task_RecordReviews";

		public static final String DECORATION_REJECTED = "EndEvent_DecorationRejected";

		public static final String SIGN_AGREEMENT = "Task_SignAgreement";

		public static final String ISSUE_FEES = "Task_IssueFees";

		public static final String COLLECT_FEES = "Task_CollectFees";

		public static final String PAID_AT_COUNTER = "BoundaryEvent_PaidAtCounter";

		public static final String CHECK_FEES_PAID = "Task_CheckFeesPaid";

		public static final String ISSUE_PERMIT = "Task_IssuePermit";

		public static final String HAND_OVER_PERMIT = "Task_HandOverPermit";

		public static final String WORKS = "SubProcess_Works";

		public static final String COMPLETION_APPLIED = "IntermediateEvent_CompletionApplied";

		public static final String INSPECT_COMPLETION = "Task_InspectCompletion";

		public static final String RECORD_ACCEPTANCE = "Task_RecordAcceptance";

		public static final String WORKS_ACCEPTED = "EndEvent_WorksAccepted";

		public static final String PERMIT_ENDS = "IntermediateEvent_PermitEnds";

		public static final String CHECK_PERMIT_END = "Task_CheckPermitEnd";

		public static final String FOLLOW_UP_OVERRUN = "Task_FollowUpOverrun";

		public static final String FOLLOW_UP_DUE = "IntermediateEvent_FollowUpDue";

		public static final String SITE_INSPECTION = "SubProcess_SiteInspection";

		public static final String INSPECTION_DUE = "StartEvent_InspectionDue";

		public static final String SCHEDULE_INSPECTION = "Task_ScheduleInspection";

		public static final String INSPECT_SITE = "Task_InspectSite";

		public static final String RECORD_INSPECTION = "Task_RecordInspection";

		public static final String RECTIFICATION = "SubProcess_Rectification";

		public static final String VIOLATION_REPORTED = "StartEvent_ViolationReported";

		public static final String OPEN_RECTIFICATION = "Task_OpenRectification";

		public static final String DELIVER_STOP_ORDER = "Task_DeliverStopOrder";

		public static final String CHECK_RECTIFICATION = "Task_CheckRectification";

		public static final String RECTIFY_BY_PASSED = "BoundaryEvent_RectifyByPassed";

		public static final String CLOSE_VIOLATION = "Task_CloseViolation";

		public static final String VIOLATION_RECTIFIED = "EndEvent_ViolationRectified";

		public static final String DECIDE_VIOLATION = "Task_DecideViolation";

		public static final String RECORD_VIOLATION_DECISION = "Task_RecordViolationDecision";

		public static final String VIOLATION_DECIDED = "EndEvent_ViolationDecided";

		public static final String EXTENSION = "SubProcess_Extension";

		public static final String EXTENSION_REQUESTED = "StartEvent_ExtensionRequested";

		public static final String REVIEW_EXTENSION = "Task_ReviewExtension";

		public static final String RECORD_EXTENSION = "Task_RecordExtension";

		public static final String HOLD_PERIOD_ENDS = "IntermediateEvent_HoldPeriodEnds";

		public static final String ASSESS_DEDUCTIONS = "Task_AssessDeductions";

		public static final String REFUND_DEPOSIT = "Task_RefundDeposit";

		public static final String SETTLE_DEPOSIT = "Task_SettleDeposit";

		public static final String ARCHIVE_DECORATION = "Task_ArchiveDecoration";

		public static final String DECORATION_CLOSED = "EndEvent_DecorationClosed";

		private Element() {
		}

	}

	public static final class Var {

		/** The decoration's number (ZX-…), on every Tasklist card as 编号. */
		public static final String CASE_NUMBER = "caseNumber";

		/** The login id of the staff member who registered the application (or the pending extension): its reviews are never theirs. */
		public static final String REQUESTED_BY = "requestedBy";

		public static final String UNIT_ID = "unitId";

		public static final String UNIT_NUMBER = "unitNumber";

		/** 装修: Tasklist's card column 类别. */
		public static final String CATEGORY = "category";

		public static final String URGENCY_LABEL = "urgencyLabel";

		public static final String APPLICANT_ROLE = "applicantRole";

		public static final String APPLICANT_IS_OWNER = "applicantIsOwner";

		/** 业主本人 / 租户 / 代理人: what forms show of the applicant (no name, no phone). */
		public static final String APPLICANT_LABEL = "applicantLabel";

		public static final String CONTRACTOR = "contractor";

		public static final String PLANNED_PERIOD = "plannedPeriod";

		public static final String WORKS = "works";

		/** The works declared, in Chinese, for the forms. */
		public static final String SCOPE_LABELS = "scopeLabels";

		/** The documents the rules ask for, one a line. */
		public static final String REQUIRED_DOCUMENTS = "requiredDocuments";

		public static final String RECENT_STEPS = Journal.RECENT_STEPS;

		public static final String OPINION = Journal.OPINION;

		public static final String OWNER_CONSENT = "ownerConsent";

		public static final String OWNER_CONSENTED = "ownerConsented";

		public static final String DOCUMENTS_RESULT = "documentsResult";

		public static final String MANAGER_REVIEW = "managerReview";

		public static final String REFUSED_BY_RULES = "refusedByRules";

		public static final String ENGINEERING_DECISION = "engineeringDecision";

		public static final String ENGINEERING_CONDITIONS = "engineeringConditions";

		public static final String MANAGER_DECISION = "managerDecision";

		public static final String APPROVED = "approved";

		public static final String PERMITTED_HOURS = "permittedHours";

		public static final String WASTE_REMOVAL = "wasteRemoval";

		public static final String FEES = "fees";

		public static final String FEES_PAID = "feesPaid";

		public static final String PERMIT_NUMBER = "permitNumber";

		/** The permit's last day ({@code 2027-01-31}), for the overrun timer. */
		public static final String PERMIT_END = "permitEnd";

		/** OVERRUN (past the permit's end), EXTENDED (the end moved on), or AWAITING_ACCEPTANCE. */
		public static final String PERMIT_END_CHECK = "permitEndCheck";

		public static final String ACCEPTANCE_RESULT = "acceptanceResult";

		public static final String DEFECTS = "defects";

		public static final String ACCEPTANCE_PASSED = "acceptancePassed";

		/** Local to an inspection's scope: the inspection row it fills in. */
		public static final String INSPECTION_ID = "inspectionId";

		public static final String INSPECTION_RESULT = "inspectionResult";

		public static final String INSPECTION_NOTES = "inspectionNotes";

		public static final String VIOLATION_DESCRIPTION = "violationDescription";

		public static final String VIOLATION_SERIOUS = "violationSerious";

		public static final String RECTIFY_WITHIN_DAYS = "rectifyWithinDays";

		/** Local to a rectification's scope: the violation it deals with, and its facts for the forms. */
		public static final String VIOLATION_ID = "violationId";

		public static final String VIOLATION_SUMMARY = "violationSummary";

		public static final String SERIOUS = "serious";

		public static final String RECTIFY_BY = "rectifyBy";

		public static final String RECTIFICATION_RESULT = "rectificationResult";

		public static final String DEDUCTION_AMOUNT = "deductionAmount";

		public static final String REPORT_TO_AUTHORITY = "reportToAuthority";

		public static final String AUTHORITY_NAME = "authorityName";

		public static final String REPORTED_ON = "reportedOn";

		public static final String REPORT_REFERENCE = "reportReference";

		/** The extension asked for, for the reviewer's form. */
		public static final String EXTENSION_REQUEST = "extensionRequest";

		public static final String EXTENSION_DECISION = "extensionDecision";

		/** The deductions the manager decided for violations so far, for the assessor's form. */
		public static final String VIOLATION_DEDUCTIONS = "violationDeductions";

		public static final String DAMAGE_AMOUNT = "damageAmount";

		public static final String DAMAGE_DESCRIPTION = "damageDescription";

		public static final String WASTE_REMOVAL_AMOUNT = "wasteRemovalAmount";

		public static final String PASSES_RETURNED = "passesReturned";

		public static final String REFUND_METHOD = "refundMethod";

		/** The deposit, the deductions and the money to hand back, for the cashier's refund form. */
		public static final String REFUND_TO_HAND_OVER = "refundToHandOver";

		private Var() {
		}

	}

}
