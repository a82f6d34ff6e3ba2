package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.fee.Cashier.CoveredBill;
import cn.tianxiacheng.servicecenter.fee.Cashier.ReceiptLine;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import org.junit.jupiter.api.Test;

class ReceiptLinesTests {

	@Test
	void shouldPrintTwelvePrepaidMonthsAsOneLinePerFeeItemWithTheirRange() {
		Map<Long, BillLine> bills = new HashMap<>();
		List<CoveredBill> covered = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			String month = YearMonth.of(2026, 12).plusMonths(i).toString();
			bill(bills, covered, 100 + i, "物业管理费", month, "", "268.50", month + " 物业管理费");
		}
		bill(bills, covered, 200, "门禁卡工本费", "FEE-1", "", "20.00", "门禁卡工本费 2 张");
		bill(bills, covered, 300, "车位租金", "2026-12", "B-012", "300.00", "2026-12 车位租金 B-012");
		bill(bills, covered, 301, "车位租金", "2027-01", "B-012", "300.00", "2027-01 车位租金 B-012");

		List<ReceiptLine> lines = Cashier.linesOf(covered, bills);

		assertThat(lines).containsExactly(new ReceiptLine("物业管理费 2026-12 至 2027-11（12 个月）", new BigDecimal("3222.00")),
				new ReceiptLine("门禁卡工本费 2 张", new BigDecimal("20.00")),
				new ReceiptLine("车位租金 B-012 2026-12 至 2027-01（2 个月）", new BigDecimal("600.00")));
		assertThat(lines.stream().map(ReceiptLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.as("the lines add up to what the bills covered").isEqualByComparingTo("3842.00");
	}

	private static void bill(Map<Long, BillLine> bills, List<CoveredBill> covered, long id, String item, String period,
			String subject, String amount, String description) {
		bills.put(id, BillLine.of(id, 1, "X", item, FeeKind.AREA_MONTHLY, period, subject, new BigDecimal(amount), LocalDate.of(2026, 12, 1),
				description, new BigDecimal(amount), false, false));
		covered.add(new CoveredBill(id, description, new BigDecimal(amount)));
	}

}
