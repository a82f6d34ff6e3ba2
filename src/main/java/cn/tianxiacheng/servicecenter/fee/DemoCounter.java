package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import org.springframework.stereotype.Component;

/**
 * The counter in the demo's past: the owner pays at the cashier what a case (a decoration, a
 * parking lease, a move-in) billed the unit, and the case's process hears it as it would.
 */
@Component
public class DemoCounter {

	private final Ledger ledger;

	private final Cashier cashier;

	DemoCounter(Ledger ledger, Cashier cashier) {
		this.ledger = ledger;
		this.cashier = cashier;
	}

	/** Pays the case's open bills of the unit, if any, as the cashier. */
	public void payCase(String caseNumber, long unitId, DemoTimeline timeline) {
		pay(unitId, timeline, bill -> caseNumber.equals(bill.period()));
	}

	/** Pays everything the unit owes, if anything, as the cashier. */
	public void payAll(long unitId, DemoTimeline timeline) {
		pay(unitId, timeline, bill -> true);
	}

	private void pay(long unitId, DemoTimeline timeline, Predicate<Ledger.BillLine> which) {
		List<Ledger.BillLine> open = ledger.bills(unitId)
			.stream()
			.filter(bill -> which.test(bill) && bill.outstanding().signum() > 0)
			.toList();
		if (open.isEmpty()) {
			return;
		}
		BigDecimal amount = open.stream().map(Ledger.BillLine::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
		timeline.as("cashier", () -> cashier.takePayment(new Cashier.PaymentCommand(UUID.randomUUID().toString(), unitId,
				amount, PaymentMethod.WECHAT, open.stream().map(Ledger.BillLine::id).toList()), timeline.authentication()));
	}

}
