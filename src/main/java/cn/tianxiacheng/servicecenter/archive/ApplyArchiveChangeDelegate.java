package cn.tianxiacheng.servicecenter.archive;

import cn.tianxiacheng.servicecenter.archive.ArchiveChangeProcess.Var;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 按审批结果变更或撤销 ({@code Task_ApplyDecision}), after the approval's commit: the manager's
 * decision counts only when a manager completed the approval task.
 */
@Component
class ApplyArchiveChangeDelegate implements JavaDelegate {

	private final ArchiveChanges changes;

	private final CompletedTasks completedTasks;

	ApplyArchiveChangeDelegate(ArchiveChanges changes, CompletedTasks completedTasks) {
		this.changes = changes;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String manager = completedTasks.completedByItsGroup(execution, ArchiveChangeProcess.Element.APPROVE_CHANGE);
		changes.decide(ArchiveChangeProcess.changeId(execution.getProcessBusinessKey()),
				Boolean.TRUE.equals(execution.getVariable(Var.APPROVED)), manager);
	}

}
