package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 核对是否缴清 ({@code Task_CheckFeesPaid}): every bill of the decoration paid, from the ledger. */
@Component
class CheckDecorationFeesPaidDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final CaseFees caseFees;

	CheckDecorationFeesPaidDelegate(Decorations decorations, CaseFees caseFees) {
		this.decorations = decorations;
		this.caseFees = caseFees;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		execution.setVariable(DecorationApprovalProcess.Var.FEES_PAID,
				caseFees.isPaid(decoration.number(), decoration.unitId()));
	}

}
