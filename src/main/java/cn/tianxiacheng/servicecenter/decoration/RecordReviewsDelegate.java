package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记审核结果 ({@code Task_RecordReviews}), after the reviews' commit: engineering's review counts
 * when engineering did it, and where the rules (asked again with the record's scope) want the
 * manager, the manager's approval too; approved when neither refused.
 */
@Component
class RecordReviewsDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationRules rules;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	RecordReviewsDelegate(Decorations decorations, DecorationRules rules, CompletedTasks completedTasks,
			DecorationJournal journal) {
		this.decorations = decorations;
		this.rules = rules;
		this.completedTasks = completedTasks;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		if (decoration.status() != DecorationStatus.APPLIED) {
			throw new IllegalStateException("装修 " + decoration.number() + " 已是“" + decoration.status().label() + "”");
		}
		String engineer = completedTasks.completedByItsGroup(execution, Element.ENGINEERING_REVIEW);
		String engineering = String.valueOf(execution.getVariable(Var.ENGINEERING_DECISION));
		String conditions = "APPROVE_WITH_CONDITIONS".equals(engineering)
				? String.valueOf(execution.getVariable(Var.ENGINEERING_CONDITIONS)) : null;
		decorations.recordEngineeringReview(decoration.id(), engineering, conditions, engineer);
		boolean approved = "APPROVE".equals(engineering) || "APPROVE_WITH_CONDITIONS".equals(engineering);
		if (rules.evaluate(execution.getTenantId(), decoration.applicantRole(), decoration.scope()).managerReview()) {
			String manager = completedTasks.completedByItsGroup(execution, Element.MANAGER_APPROVAL);
			String decision = String.valueOf(execution.getVariable(Var.MANAGER_DECISION));
			decorations.recordManagerApproval(decoration.id(), decision, manager);
			approved &= "APPROVE".equals(decision);
		}
		decorations.changeStatus(decoration.id(), approved ? DecorationStatus.APPROVED : DecorationStatus.REJECTED);
		journal.note(execution, decoration.id(), "审核结果",
				approved ? "批准" + (conditions == null ? "" : "，施工条件：" + conditions) : "不批准");
		execution.setVariable(Var.APPROVED, approved);
	}

}
