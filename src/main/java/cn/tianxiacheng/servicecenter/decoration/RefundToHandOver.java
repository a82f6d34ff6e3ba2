package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.DecorationSettlement.Deduction;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The money the cashier hands back, stated on the refund task when it opens: the deposit, the
 * assessed deductions (at most the deposit) and the rest, as the settlement will compute it.
 */
@Component
class RefundToHandOver {

	private final Decorations decorations;

	private final SettleDepositDelegate settlement;

	private final CaseFees caseFees;

	RefundToHandOver(Decorations decorations, SettleDepositDelegate settlement, CaseFees caseFees) {
		this.decorations = decorations;
		this.settlement = settlement;
		this.caseFees = caseFees;
	}

	@EventListener(condition = "#task.eventName == 'create'")
	void onRefundTaskCreated(DelegateTask task) {
		if (!task.getProcessDefinitionId().startsWith(DecorationApprovalProcess.KEY + ":")
				|| !Element.REFUND_DEPOSIT.equals(task.getTaskDefinitionKey())) {
			return;
		}
		Decoration decoration = decorations.byNumber(task.getExecution().getProcessBusinessKey());
		List<Deduction> deductions = settlement.assessed(task.getExecution(), decoration.id());
		BigDecimal deposit = caseFees.depositOf(decoration.number(), decoration.unitId());
		BigDecimal assessed = deductions.stream().map(Deduction::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal deducted = assessed.min(deposit);
		String items = deductions.stream()
			.map(d -> d.kind().label() + " " + d.amount().toPlainString())
			.collect(Collectors.joining("；"));
		task.getExecution().getProcessInstance().setVariable(Var.REFUND_TO_HAND_OVER, "押金 " + deposit.toPlainString()
				+ " 元，扣款 " + deducted.toPlainString() + " 元" + (items.isEmpty() ? "" : "（" + items + "）")
				+ "，应退还业主 " + deposit.subtract(deducted).toPlainString() + " 元");
	}

}
