package cn.tianxiacheng.servicecenter.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 放行条过期 ({@code Task_ExpirePass}): the window ended and the pass was not used. */
@Component
class ExpireReleasePassDelegate implements JavaDelegate {

	private final ReleasePasses passes;

	private final PassJournal journal;

	ExpireReleasePassDelegate(ReleasePasses passes, PassJournal journal) {
		this.passes = passes;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long passId = passes.byNumber(execution.getProcessBusinessKey()).id();
		if (passes.expire(passId)) {
			journal.record(passId, "放行时段已过，放行条过期", "system", null);
		}
	}

}
