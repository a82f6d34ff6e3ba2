package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BillPeriodsTests {

	@Test
	void shouldShowStaffAMonthARunAndADeductionInWords() {
		assertThat(BillPeriods.label("2026-12")).isEqualTo("2026年12月");
		assertThat(BillPeriods.label("2027-01")).isEqualTo("2027年1月");
		assertThat(BillPeriods.label("YJ-1316")).isEqualTo("押金抵扣（押金账单 1316）");
		assertThat(BillPeriods.label("BX-20261207-0001")).as("a case's bill keeps its number").isEqualTo("BX-20261207-0001");
		assertThat(BillPeriods.runLabel(OnDemandBilling.Kind.MONTHLY, "2026-12")).isEqualTo("2026年12月 月度账单");
		assertThat(BillPeriods.runLabel(OnDemandBilling.Kind.HEATING, "2026")).isEqualTo("2026年 采暖季账单");
		assertThat(BillPeriods.ofBusinessKey("BILLING-MONTHLY-2026-12")).isEqualTo("2026年12月 月度账单");
		assertThat(BillPeriods.ofBusinessKey("TS-20261207-0001")).isEqualTo("TS-20261207-0001");
	}

}
