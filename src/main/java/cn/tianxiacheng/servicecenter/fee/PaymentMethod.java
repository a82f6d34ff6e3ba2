package cn.tianxiacheng.servicecenter.fee;

import java.util.Arrays;
import java.util.List;

public enum PaymentMethod {

	CASH("现金", true), WECHAT("微信", true), ALIPAY("支付宝", true), BANK_CARD("银行卡", true), TRANSFER("转账", true),

	/** Money the service center credits to a unit to settle a complaint: never taken at the counter. */
	COMPENSATION("补偿抵扣", false);

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

	/** The ways a cashier takes money. */
	public static List<PaymentMethod> counterMethods() {
		return Arrays.stream(values()).filter(PaymentMethod::atCounter).toList();
	}

}
