package cn.tianxiacheng.servicecenter.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 签发放行条 ({@code Task_IssuePass}): the pass is valid at the gate for its window. */
@Component
class IssueReleasePassDelegate implements JavaDelegate {

	private final ReleasePasses passes;

	private final PassJournal journal;

	IssueReleasePassDelegate(ReleasePasses passes, PassJournal journal) {
		this.passes = passes;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long passId = passes.byNumber(execution.getProcessBusinessKey()).id();
		passes.issue(passId);
		journal.record(passId, "签发放行条", "system", null);
	}

}
