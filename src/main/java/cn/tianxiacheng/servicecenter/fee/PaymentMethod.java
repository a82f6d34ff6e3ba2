package cn.tianxiacheng.servicecenter.fee;

public enum PaymentMethod {

	CASH("现金"), WECHAT("微信"), ALIPAY("支付宝"), BANK_CARD("银行卡"), TRANSFER("转账");

	private final String label;

	PaymentMethod(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
