package cn.tianxiacheng.servicecenter.fee;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.Estate;
import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The demo's fees: the cashier has 天下城's first month billed, then the company's monthly billing
 * timer fires on its days and bills every estate; owners pay at their estate's counter, most soon
 * after the bill, some late, some not at all (the arrears), each unit in its habit.
 */
@Component
class FeeDemoStory implements DemoStory {

	private static final List<PaymentMethod> METHODS = List.of(PaymentMethod.WECHAT, PaymentMethod.WECHAT,
			PaymentMethod.ALIPAY, PaymentMethod.CASH, PaymentMethod.BANK_CARD, PaymentMethod.TRANSFER);

	private final OnDemandBilling billing;

	private final Cashier cashier;

	private final Ledger ledger;

	private final FeeProperties properties;

	private final EstateRepository estates;

	private boolean begun;

	FeeDemoStory(OnDemandBilling billing, Cashier cashier, Ledger ledger, FeeProperties properties,
			EstateRepository estates) {
		this.estates = estates;
		this.billing = billing;
		this.cashier = cashier;
		this.ledger = ledger;
		this.properties = properties;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		if (!begun) {
			begun = true;
			timeline.at(day, LocalTime.of(9, 0), () -> timeline.as("cashier", () -> billing
				.start(OnDemandBilling.Kind.MONTHLY, YearMonth.from(day).toString(), timeline.staff())));
			timeline.armTimer(FeeBillingProcess.KEY);
		}
		timeline.at(day, LocalTime.of(10, timeline.random().nextInt(60)), () -> counter(day, timeline));
		timeline.at(day, LocalTime.of(16, timeline.random().nextInt(60)), () -> counter(day, timeline));
	}

	/**
	 * Owners come to pay what they owe: a unit's habit (from its id) says how many days after a
	 * bill was issued it pays, within three weeks for most, after 40 days for one unit in twelve;
	 * one in twelve does not come at all.
	 */
	private void counter(LocalDate today, DemoTimeline timeline) {
		for (Estate estate : estates.findAll(Sort.by("id"))) {
			timeline.memberIn(estate.getCode(), StaffGroup.CASHIER.id())
				.ifPresent(clerk -> counter(today, timeline, estate.getId(), clerk));
		}
	}

	private void counter(LocalDate today, DemoTimeline timeline, long estateId, String clerk) {
		for (Ledger.Arrears owed : ledger.arrears(estateId, today.plusDays(properties.paymentTermDays() + 1))) {
			long habit = owed.unitId() % 12;
			if (habit == 0) {
				continue;
			}
			LocalDate issued = owed.oldestDueDate().minusDays(properties.paymentTermDays());
			long daysLate = habit < 11 ? habit * 2 : 40;
			if (!today.isBefore(issued.plusDays(daysLate)) && timeline.random().nextInt(4) == 0) {
				timeline.as(clerk, () -> cashier.takePayment(new Cashier.PaymentCommand(UUID.randomUUID().toString(),
						owed.unitId(), owed.amount(), METHODS.get(timeline.random().nextInt(METHODS.size())), null),
						timeline.authentication()));
			}
		}
	}

}
