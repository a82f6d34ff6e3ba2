package cn.tianxiacheng.servicecenter.fee;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Issues a month's bills: the month asked for, or the current one when the timer started the
 * run; and tells whether the heating season starts in that month. The timer's run bills every estate,
 * belongs to none and is read by every estate's staff: it keeps no figures, which would be all estates'
 * (each estate's are in the log); a run asked for keeps its estate's.
 */
@Component("issueMonthlyBillsDelegate")
class IssueMonthlyBillsDelegate implements JavaDelegate {

	private final BillingRuns billingRuns;

	private final FeeProperties properties;

	private final Clock clock;

	IssueMonthlyBillsDelegate(BillingRuns billingRuns, FeeProperties properties, Clock clock) {
		this.billingRuns = billingRuns;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String period = (String) execution.getVariable(Var.PERIOD);
		YearMonth month;
		try {
			month = period == null ? YearMonth.now(clock) : YearMonth.parse(period);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("账期“" + period + "”格式不正确，按月账单应填年月，如 2026-11", ex);
		}
		Long estateId = estateOf(execution);
		if (estateId == null) {
			billingRuns.issueMonthlyBills(month, issuer(execution));
		}
		else {
			record(execution, billingRuns.issueMonthlyBills(month, estateId, issuer(execution)));
		}
		// only the month's scheduled run goes on to the heating season: a run someone asks for does what it says
		boolean scheduled = execution.getVariable(Var.STARTED_BY) == null;
		execution.setVariable(Var.HEATING_SEASON_STARTS,
				scheduled && month.getMonth() == properties.seasonStart().getMonth());
	}

	static String issuer(DelegateExecution execution) {
		Object startedBy = execution.getVariable(Var.STARTED_BY);
		return startedBy == null ? "system" : startedBy.toString();
	}

	/** The estate the run bills; none: every estate (the timer's run). */
	static Long estateOf(DelegateExecution execution) {
		Object estateId = execution.getVariable(Var.ESTATE_ID);
		return estateId == null ? null : ((Number) estateId).longValue();
	}

	static void record(DelegateExecution execution, BillingResult result) {
		execution.setVariable(Var.ISSUED, result.issued());
		execution.setVariable(Var.ALREADY_ISSUED, result.alreadyIssued());
		execution.setVariable(Var.TOTAL, result.total().toPlainString());
	}

}
