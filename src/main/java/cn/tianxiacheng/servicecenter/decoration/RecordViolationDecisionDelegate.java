package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.DecorationViolations.Violation;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记扣款与上报 ({@code Task_RecordViolationDecision}): the manager's decision on a violation not
 * rectified, when a manager made it: the deduction from the deposit (taken at the refund) and
 * the report to the authority with its date and reference (第十七条).
 */
@Component
class RecordViolationDecisionDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationViolations violations;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	RecordViolationDecisionDelegate(Decorations decorations, DecorationViolations violations,
			CompletedTasks completedTasks, DecorationJournal journal) {
		this.decorations = decorations;
		this.violations = violations;
		this.completedTasks = completedTasks;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		Violation violation = violations.violation(decoration, execution.getVariable(Var.VIOLATION_ID));
		String manager = completedTasks.completedByItsGroup(execution, Element.DECIDE_VIOLATION);
		BigDecimal deduction = Money.of(execution.getVariable(Var.DEDUCTION_AMOUNT));
		boolean reported = Boolean.TRUE.equals(execution.getVariable(Var.REPORT_TO_AUTHORITY));
		String authority = reported ? text(execution.getVariable(Var.AUTHORITY_NAME)) : null;
		LocalDate reportedOn = reported ? LocalDate.parse(text(execution.getVariable(Var.REPORTED_ON))) : null;
		String reference = reported ? text(execution.getVariable(Var.REPORT_REFERENCE)) : null;
		violations.decideViolation(violation, deduction, authority, reportedOn, reference, manager);
		decorations.stopOrResumeWorks(decoration.id());
		journal.note(execution, decoration.id(), "未整改违章处理", violation.summary() + "；押金扣款 " + deduction.toPlainString()
				+ " 元" + (reported ? "；已于 " + reportedOn + " 报告" + authority + "（" + reference + "）" : ""));
		execution.setVariable(Var.VIOLATION_DEDUCTIONS,
				violations.violationDeductions(decoration.id()).setScale(2).toPlainString());
	}

	private static String text(Object value) {
		return value == null ? null : value.toString().strip();
	}

}
