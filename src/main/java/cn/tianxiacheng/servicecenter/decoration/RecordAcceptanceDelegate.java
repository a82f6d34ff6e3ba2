package cn.tianxiacheng.servicecenter.decoration;

import java.time.Clock;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记验收结果 ({@code Task_RecordAcceptance}): engineering's completion inspection, when
 * engineering did it. Passed: the hold period starts. Failed: the works go on with the defects
 * listed, and the owner applies again. An open violation fails it whatever the form said.
 */
@Component
class RecordAcceptanceDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationViolations violations;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	private final DecorationProperties properties;

	private final Clock clock;

	RecordAcceptanceDelegate(Decorations decorations, DecorationViolations violations, CompletedTasks completedTasks,
			DecorationJournal journal, DecorationProperties properties, Clock clock) {
		this.decorations = decorations;
		this.violations = violations;
		this.completedTasks = completedTasks;
		this.journal = journal;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		if (!decoration.completionApplied()) {
			throw new IllegalStateException("装修 " + decoration.number() + " 未申请竣工验收");
		}
		String engineer = completedTasks.completedByItsGroup(execution, Element.INSPECT_COMPLETION);
		boolean passed = "PASSED".equals(execution.getVariable(Var.ACCEPTANCE_RESULT));
		Object defectsGiven = execution.getVariable(Var.DEFECTS);
		String defects = passed || defectsGiven == null ? null : defectsGiven.toString().strip();
		if (passed && violations.openViolations(decoration.id()) > 0) {
			passed = false;
			defects = "尚有未处理完的违章";
		}
		LocalDate holdUntil = LocalDate.now(clock).plus(properties.holdPeriod());
		decorations.recordAcceptance(decoration.id(), passed, defects, engineer, holdUntil);
		journal.note(execution, decoration.id(), passed ? "竣工验收合格" : "竣工验收不合格",
				passed ? "押金观察期至 " + holdUntil : "需整改：" + defects);
		execution.setVariable(Var.ACCEPTANCE_PASSED, passed);
	}

}
