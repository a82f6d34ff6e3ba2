package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.DecorationViolations.Violation;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 下达整改通知 ({@code Task_OpenRectification}): takes the oldest violation waiting (one per
 * message), stops the works when it is serious, and keeps the violation and its forms' fields
 * local to this rectification, so rectifications that overlap keep their own.
 */
@Component
class OpenRectificationDelegate implements JavaDelegate {

	static final String[] FIELDS = { Var.RECTIFICATION_RESULT, Var.DEDUCTION_AMOUNT, Var.REPORT_TO_AUTHORITY,
			Var.AUTHORITY_NAME, Var.REPORTED_ON, Var.REPORT_REFERENCE };

	private final Decorations decorations;

	private final DecorationViolations violations;

	private final DecorationJournal journal;

	OpenRectificationDelegate(Decorations decorations, DecorationViolations violations, DecorationJournal journal) {
		this.decorations = decorations;
		this.violations = violations;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		Violation violation = violations.takeReportedViolation(decoration);
		decorations.stopOrResumeWorks(decoration.id());
		execution.setVariableLocal(Var.VIOLATION_ID, violation.id());
		execution.setVariableLocal(Var.VIOLATION_SUMMARY, violation.summary());
		execution.setVariableLocal(Var.SERIOUS, violation.serious());
		execution.setVariableLocal(Var.RECTIFY_BY, violation.rectifyBy().toString());
		for (String field : FIELDS) {
			execution.setVariableLocal(field, null);
		}
		journal.note(execution, decoration.id(), violation.serious() ? "下达停工整改通知" : "下达整改通知",
				violation.summary());
	}

}
