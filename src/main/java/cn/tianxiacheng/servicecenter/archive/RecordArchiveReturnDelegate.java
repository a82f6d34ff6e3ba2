package cn.tianxiacheng.servicecenter.archive;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 收回借阅权限 ({@code Task_CloseBorrowing}): the paper file is back; was it late? */
@Component
class RecordArchiveReturnDelegate implements JavaDelegate {

	private final ArchiveAccesses accesses;

	RecordArchiveReturnDelegate(ArchiveAccesses accesses) {
		this.accesses = accesses;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(ArchiveAccessProcess.Var.RETURNED_LATE,
				accesses.returned(ArchiveAccessProcess.accessId(execution.getProcessBusinessKey())));
	}

}
