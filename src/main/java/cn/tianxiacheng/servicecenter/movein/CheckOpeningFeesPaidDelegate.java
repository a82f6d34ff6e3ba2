package cn.tianxiacheng.servicecenter.movein;

import cn.tianxiacheng.servicecenter.fee.Ledger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核对是否缴清 ({@code Task_CheckOpeningFeesPaid}): paid when the unit owes nothing any more, its
 * only bills being the opening fees.
 */
@Component
class CheckOpeningFeesPaidDelegate implements JavaDelegate {

	private final MoveIns moveIns;

	private final Ledger ledger;

	CheckOpeningFeesPaidDelegate(MoveIns moveIns, Ledger ledger) {
		this.moveIns = moveIns;
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long unitId = moveIns.byCaseNumber(execution.getProcessBusinessKey()).unitId();
		execution.setVariable(MoveInProcess.Var.OPENING_FEES_PAID, ledger.owesNothing(unitId));
	}

}
