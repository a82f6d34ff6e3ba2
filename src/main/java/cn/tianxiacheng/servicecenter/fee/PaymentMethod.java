package cn.tianxiacheng.servicecenter.fee;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

public enum PaymentMethod {

	CASH("现金", true), WECHAT("微信", true), ALIPAY("支付宝", true), BANK_CARD("银行卡", true), TRANSFER("转账", true),

	/** Money the service center credits to a unit to settle a complaint: never taken at the counter. */
	COMPENSATION("补偿抵扣", false),

	/** Money a unit had paid in advance in the system its estate moved from (期初预存): never taken here. */
	OPENING_BALANCE("期初预存", false);

	private final String label;

	private final boolean atCounter;

	PaymentMethod(String label, boolean atCounter) {
		this.label = label;
		this.atCounter = atCounter;
	}

	public String label() {
		return label;
	}

	public boolean atCounter() {
		return atCounter;
	}

	/** SQL: the method in the column is one a cashier takes, so the money came in at the counter. */
	static String takenAtCounter(String column) {
		return column + " in (" + counterMethods().stream().map(m -> "'" + m.name() + "'").collect(Collectors.joining(", "))
				+ ")";
	}

	/** The ways a cashier takes money. */
	public static List<PaymentMethod> counterMethods() {
		return Arrays.stream(values()).filter(PaymentMethod::atCounter).toList();
	}

}
