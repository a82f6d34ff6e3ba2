package cn.tianxiacheng.servicecenter.decoration;

import java.time.Clock;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核对施工期限 ({@code Task_CheckPermitEnd}), at the end of the permit's last day: EXTENDED when an
 * approved extension moved the end on (the timer waits for the new end), AWAITING_ACCEPTANCE
 * when the owner has applied for the acceptance, else OVERRUN: reception follows it up.
 */
@Component
class CheckPermitEndDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationJournal journal;

	private final Clock clock;

	CheckPermitEndDelegate(Decorations decorations, DecorationJournal journal, Clock clock) {
		this.decorations = decorations;
		this.journal = journal;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		String check = decoration.permitEnd().isAfter(LocalDate.now(clock)) ? "EXTENDED"
				: decoration.completionApplied() ? "AWAITING_ACCEPTANCE" : "OVERRUN";
		if (check.equals("OVERRUN")) {
			journal.note(execution, decoration.id(), "超期施工", "许可证已于 " + decoration.permitEnd() + " 到期");
		}
		execution.setVariable(Var.PERMIT_END, decoration.permitEnd().toString());
		execution.setVariable(Var.PERMIT_END_CHECK, check);
	}

}
