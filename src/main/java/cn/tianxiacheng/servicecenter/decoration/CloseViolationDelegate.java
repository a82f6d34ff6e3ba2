package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.DecorationViolations.Violation;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 整改完毕，恢复施工 ({@code Task_CloseViolation}): engineering found the violation rectified; the
 * works resume unless another serious violation is open.
 */
@Component
class CloseViolationDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationViolations violations;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	CloseViolationDelegate(Decorations decorations, DecorationViolations violations, CompletedTasks completedTasks,
			DecorationJournal journal) {
		this.decorations = decorations;
		this.violations = violations;
		this.completedTasks = completedTasks;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		Violation violation = violations.violation(decoration, execution.getVariable(Var.VIOLATION_ID));
		String engineer = completedTasks.completedByItsGroup(execution, Element.CHECK_RECTIFICATION);
		violations.closeViolation(violation, engineer);
		decorations.stopOrResumeWorks(decoration.id());
		journal.note(execution, decoration.id(), "违章已整改", violation.summary());
	}

}
