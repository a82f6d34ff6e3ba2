package cn.tianxiacheng.servicecenter.release;

import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记审核结果 ({@code Task_RecordReview}), after the review's commit: counts only when
 * reception reviewed.
 */
@Component
class RecordReleaseReviewDelegate implements JavaDelegate {

	private final ReleasePasses passes;

	private final CompletedTasks completedTasks;

	RecordReleaseReviewDelegate(ReleasePasses passes, CompletedTasks completedTasks) {
		this.passes = passes;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		completedTasks.completedByItsGroup(execution, GoodsReleaseProcess.Element.REVIEW_REQUEST);
		boolean approved = "APPROVE".equals(execution.getVariable(Var.REVIEW_RESULT));
		passes.recordReview(passes.byNumber(execution.getProcessBusinessKey()).id(), approved ? "APPROVE" : "REFUSE");
		execution.setVariable(Var.REVIEW_APPROVED, approved);
	}

}
