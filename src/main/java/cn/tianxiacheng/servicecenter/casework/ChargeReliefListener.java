package cn.tianxiacheng.servicecenter.casework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.fee.CaseCharges;
import cn.tianxiacheng.servicecenter.fee.CaseCharges.Charge;
import cn.tianxiacheng.servicecenter.fee.CaseCharges.Charges;
import cn.tianxiacheng.servicecenter.fee.Compensations;
import cn.tianxiacheng.servicecenter.fee.Compensations.Kind;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The manager's relief (减免) when following up an unhappy return visit of a repair that charged
 * the owner: a credit to the unit's account (补偿抵扣, a compensation of the ledger) of at most what
 * the case's standing charges come to less the credits already granted for it, or one charge
 * waived (免收, a reversal). When the task opens, its form is given the charges
 * ({@code chargeSummary}, {@code reliefChargeOptions}, {@code hasCaseCharges}) and an earlier
 * decision is cleared; when it is completed, the decision is checked and recorded in the ledger in
 * the same transaction.
 */
@Component("chargeReliefListener")
class ChargeReliefListener implements TaskListener {

	static final String HAS_CHARGES = "hasCaseCharges";

	static final String OPTIONS = "reliefChargeOptions";

	static final String RELIEF = "relief";

	static final String AMOUNT = "reliefAmount";

	static final String BILL = "reliefBill";

	/** The ledger's reason holds 200 characters, the prefix 减免： among them. */
	private static final int MAX_REASON = 190;

	private final CaseCharges caseCharges;

	private final Compensations compensations;

	private final ServiceCaseRepository cases;

	ChargeReliefListener(CaseCharges caseCharges, Compensations compensations, ServiceCaseRepository cases) {
		this.caseCharges = caseCharges;
		this.compensations = compensations;
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		Optional<ServiceCase> repair = ReturnVisitProcess.caseNumber(task.getExecution().getProcessBusinessKey())
			.flatMap(cases::findByCaseNumber)
			.filter(c -> c.getType() == CaseType.SERVICE_REQUEST);
		Charges charges = repair.map(c -> caseCharges.of(c.getCaseNumber(), c.getUnitId()))
			.orElse(new Charges(List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<Map<String, String>> options = standing(charges).stream()
				.map(charge -> Map.of("label", charge.description() + " · " + charge.amount().toPlainString() + " 元",
						"value", Long.toString(charge.billId())))
				.toList();
			task.setVariable(HAS_CHARGES, !options.isEmpty());
			task.setVariable(OPTIONS, Variables.objectValue(options).serializationDataFormat("application/json").create());
			task.setVariable(ChargeSummaryListener.SUMMARY, charges.summary());
			task.getExecution().removeVariable(RELIEF);
			task.getExecution().removeVariable(AMOUNT);
			task.getExecution().removeVariable(BILL);
			return;
		}
		Object relief = task.getVariable(RELIEF);
		if (relief == null || "NONE".equals(relief) || repair.isEmpty()) {
			return;
		}
		ServiceCase c = repair.get();
		if ("CREDIT".equals(relief)) {
			BigDecimal limit = charges.total().subtract(credited(c.getCaseNumber()));
			if (!(task.getVariable(AMOUNT) instanceof Number number)) {
				throw new BadInputException("请填写“抵扣金额（元）”");
			}
			BigDecimal amount = new BigDecimal(number.toString());
			if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(limit) > 0) {
				throw new BadInputException("“抵扣金额（元）”应大于 0、最多两位小数，且不超过本案件收费尚可抵扣的 "
						+ limit.max(BigDecimal.ZERO).toPlainString() + " 元");
			}
			compensations.grant(c.getCaseNumber(), c.getUnitId(), amount, Kind.CREDIT, task.getId(), task.getAssignee());
		}
		else if ("WAIVE".equals(relief)) {
			Charge waived = standing(charges).stream()
				.filter(charge -> Long.toString(charge.billId()).equals(String.valueOf(task.getVariable(BILL))))
				.findFirst()
				.orElseThrow(() -> new BadInputException("请从本案件的收费中选择“免收的收费项目”"));
			String reason = "回访不满意，经理免收：" + String.valueOf(task.getVariable(CaseVariables.OPINION)).strip();
			caseCharges.waive(c.getCaseNumber(), c.getUnitId(), waived.billId(),
					reason.substring(0, Math.min(reason.length(), MAX_REASON)), task.getAssignee());
		}
		else {
			throw new BadInputException("“减免方式”只能是不减免、补偿抵扣或免收一项收费");
		}
	}

	private static List<Charge> standing(Charges charges) {
		return charges.lines().stream().filter(charge -> !charge.reversed()).toList();
	}

	/** What was already credited for the case: its compensations that went to the unit's account. */
	private BigDecimal credited(String caseNumber) {
		return compensations.ofCase(caseNumber)
			.stream()
			.filter(compensation -> compensation.kind() == Kind.CREDIT)
			.map(Compensations.Compensation::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
