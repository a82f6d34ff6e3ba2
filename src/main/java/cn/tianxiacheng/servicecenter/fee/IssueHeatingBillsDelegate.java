package cn.tianxiacheng.servicecenter.fee;

import java.time.Clock;
import java.time.Year;

import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Issues a heating season's bills: the season starting in the year asked for ({@code 2026}),
 * in the year of the month billed ({@code 2026-11}), or this year; figures kept as by
 * {@link IssueMonthlyBillsDelegate}.
 */
@Component("issueHeatingBillsDelegate")
class IssueHeatingBillsDelegate implements JavaDelegate {

	private final BillingRuns billingRuns;

	private final Clock clock;

	IssueHeatingBillsDelegate(BillingRuns billingRuns, Clock clock) {
		this.billingRuns = billingRuns;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String period = (String) execution.getVariable(Var.PERIOD);
		if (period != null && !period.matches("\\d{4}(-\\d{2})?")) {
			throw new IllegalArgumentException("账期“" + period + "”格式不正确，采暖季账单应填开始的年份，如 2026");
		}
		int year = period == null ? Year.now(clock).getValue() : Integer.parseInt(period.substring(0, 4));
		Long estateId = IssueMonthlyBillsDelegate.estateOf(execution);
		String issuer = IssueMonthlyBillsDelegate.issuer(execution);
		if (estateId == null) {
			billingRuns.issueHeatingBills(year, issuer);
		}
		else {
			IssueMonthlyBillsDelegate.record(execution, billingRuns.issueHeatingBills(year, estateId, issuer));
		}
	}

}
