package cn.tianxiacheng.servicecenter.fee;

import java.util.Comparator;
import java.util.List;

import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitPageSection;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import org.springframework.stereotype.Component;

/** 账单 on the unit page: what is owed first, then the latest bills; the account page has them all. */
@Component
class UnitBillsSection implements UnitPageSection {

	private static final int ROWS = 12;

	private final Ledger ledger;

	UnitBillsSection(Ledger ledger) {
		this.ledger = ledger;
	}

	@Override
	public Table of(Unit unit) {
		Ledger.Account account = ledger.account(unit.getId(), unit.getNumber());
		List<Row> rows = account.bills().stream()
			.sorted(Comparator.comparing((BillLine bill) -> bill.outstanding().signum() == 0)
				.thenComparing(BillLine::dueDate, Comparator.reverseOrder()))
			.limit(ROWS)
			.map(bill -> new Row(List.of(bill.feeItemName(), bill.description(), bill.amount().toPlainString(),
					bill.outstanding().toPlainString(), bill.dueDate().toString(), bill.status()), null))
			.toList();
		return new Table("账单（欠费 " + account.outstanding().toPlainString() + " 元，预存 " + account.prepaid().toPlainString()
				+ " 元）", List.of("项目", "说明", "金额（元）", "未缴（元）", "到期日", "状态"), rows,
				"/cashier/units/" + unit.getId(), "没有账单");
	}

	@Override
	public int order() {
		return 20;
	}

}
