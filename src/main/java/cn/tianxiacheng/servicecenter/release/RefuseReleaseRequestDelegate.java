package cn.tianxiacheng.servicecenter.release;

import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Pass;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 不予放行 ({@code Task_RefuseRequest}): the request ends refused, with the reason its record
 * shows (no owner's confirmation in time, the owner declined, the review or the manager refused).
 */
@Component
class RefuseReleaseRequestDelegate implements JavaDelegate {

	private final ReleasePasses passes;

	private final PassJournal journal;

	RefuseReleaseRequestDelegate(ReleasePasses passes, PassJournal journal) {
		this.passes = passes;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Pass pass = passes.byNumber(execution.getProcessBusinessKey());
		String reason = reason(pass);
		passes.refuse(pass.id(), reason);
		journal.record(pass.id(), "不予放行：" + reason, "system", null);
	}

	private static String reason(Pass pass) {
		if (pass.applicantKind() != ApplicantKind.OWNER && pass.ownerConfirmation() == null) {
			return "业主未在放行时段内确认";
		}
		if ("DECLINED".equals(pass.ownerConfirmation())) {
			return "业主不同意";
		}
		if ("REFUSE".equals(pass.reviewResult())) {
			return "接待员审核不予放行";
		}
		return "整户搬离且欠费，经理不同意放行";
	}

}
