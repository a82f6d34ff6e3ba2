package cn.tianxiacheng.servicecenter.casework;

public enum Channel {

	PHONE("电话"), VISIT("来访"), APP("手机APP"), WECHAT("微信"), INSPECTION("巡查");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
