package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.DecorationSettlement.Deduction;
import cn.tianxiacheng.servicecenter.decoration.DecorationSettlement.Kind;
import cn.tianxiacheng.servicecenter.decoration.DecorationSettlement.Settled;
import cn.tianxiacheng.servicecenter.decoration.DecorationViolations.DecidedViolation;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.fee.PaymentMethod;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * 办理押金退还 ({@code Task_SettleDeposit}), after the cashier's confirmation: the deductions count
 * when engineering assessed them and the violations' when the manager decided them; the cashier
 * who confirmed refunds the rest through the fee engine.
 */
@Component
class SettleDepositDelegate implements JavaDelegate {

	/** The most passes the assessment form takes back ({@code decoration-assess-deductions.form}). */
	static final long MAX_PASSES = 99;

	private final Decorations decorations;

	private final DecorationViolations violations;

	private final DecorationSettlement settlement;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	SettleDepositDelegate(Decorations decorations, DecorationViolations violations, DecorationSettlement settlement,
			CompletedTasks completedTasks, DecorationJournal journal) {
		this.decorations = decorations;
		this.violations = violations;
		this.settlement = settlement;
		this.completedTasks = completedTasks;
		this.journal = journal;
	}

	/** The deductions as assessed: the violations the manager decided, the damage and the waste engineering found. */
	List<Deduction> assessed(VariableScope variables, long decorationId) {
		List<Deduction> deductions = new ArrayList<>();
		for (DecidedViolation violation : violations.deductedViolations(decorationId)) {
			deductions.add(new Deduction(Kind.VIOLATION, "违章 #" + violation.id() + "：" + violation.description(),
					violation.deduction()));
		}
		BigDecimal damage = Money.of(variables.getVariable(Var.DAMAGE_AMOUNT));
		if (damage.signum() > 0) {
			Object what = variables.getVariable(Var.DAMAGE_DESCRIPTION);
			deductions.add(new Deduction(Kind.DAMAGE, what == null || what.toString().isBlank() ? Kind.DAMAGE.label()
					: what.toString().strip(), damage));
		}
		BigDecimal waste = Money.of(variables.getVariable(Var.WASTE_REMOVAL_AMOUNT));
		if (waste.signum() > 0) {
			deductions.add(new Deduction(Kind.WASTE, Kind.WASTE.label(), waste));
		}
		return deductions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		if (decoration.status() != DecorationStatus.ACCEPTED) {
			throw new IllegalStateException("装修 " + decoration.number() + " 未验收合格，不能退还押金");
		}
		completedTasks.completedByItsGroup(execution, Element.ASSESS_DEDUCTIONS);
		String cashier = completedTasks.completedByItsGroup(execution, Element.REFUND_DEPOSIT);
		List<Deduction> deductions = assessed(execution, decoration.id());
		Object passes = execution.getVariable(Var.PASSES_RETURNED);
		boolean whole = passes instanceof Integer || passes instanceof Long;
		if (passes != null && (!whole || ((Number) passes).longValue() < 0 || ((Number) passes).longValue() > MAX_PASSES)) {
			throw new BadInputException("“收回出入证（张）”应为 0 到 " + MAX_PASSES + " 的整数");
		}
		Settled settled = settlement.settle(decoration, deductions, passes instanceof Number n ? n.intValue() : 0,
				PaymentMethod.valueOf(String.valueOf(execution.getVariable(Var.REFUND_METHOD))), cashier);
		journal.note(execution, decoration.id(), "退还装修押金",
				"押金 " + settled.deposit().toPlainString() + " 元，扣款 " + settled.deducted().toPlainString() + " 元，退还 "
						+ settled.refunded().toPlainString() + " 元"
						+ (settled.beyondDeposit().signum() > 0
								? "；扣款超出押金 " + settled.beyondDeposit().toPlainString() + " 元，须另行向业主追收" : ""));
	}

}
