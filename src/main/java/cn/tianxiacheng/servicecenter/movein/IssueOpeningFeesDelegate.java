package cn.tianxiacheng.servicecenter.movein;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.fee.BillingRuns;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.movein.MoveIns.MoveIn;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 计算并开具入伙费用 ({@code Task_IssueOpeningFees}): the management fee for the prepaid months
 * from today, and the one-off fees, billed to the move-in's unit.
 */
@Component
class IssueOpeningFeesDelegate implements JavaDelegate {

	private final MoveIns moveIns;

	private final BillingRuns billingRuns;

	private final CaseFees caseFees;

	private final MoveInProperties properties;

	private final Clock clock;

	IssueOpeningFeesDelegate(MoveIns moveIns, BillingRuns billingRuns, CaseFees caseFees, MoveInProperties properties,
			Clock clock) {
		this.moveIns = moveIns;
		this.billingRuns = billingRuns;
		this.caseFees = caseFees;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MoveIn moveIn = moveIns.byCaseNumber(execution.getProcessBusinessKey());
		String caseNumber = moveIn.caseNumber();
		BigDecimal management = billingRuns
			.issueManagementAhead(moveIn.unitId(), LocalDate.now(clock), properties.prepaidMonths(), caseNumber)
			.total();
		BigDecimal oneOff = caseFees.issue(caseNumber, moveIn.unitId(), CaseFee.parse(properties.oneOffFees()),
				caseNumber);
		execution.setVariable(MoveInProcess.Var.OPENING_FEES, management.add(oneOff).toPlainString());
	}

}
