package cn.tianxiacheng.servicecenter.archive;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 收回查阅权限 ({@code Task_ExpireAccess}): the consultation's time is over. */
@Component
class ExpireArchiveAccessDelegate implements JavaDelegate {

	private final ArchiveAccesses accesses;

	ExpireArchiveAccessDelegate(ArchiveAccesses accesses) {
		this.accesses = accesses;
	}

	@Override
	public void execute(DelegateExecution execution) {
		accesses.expire(ArchiveAccessProcess.accessId(execution.getProcessBusinessKey()));
	}

}
