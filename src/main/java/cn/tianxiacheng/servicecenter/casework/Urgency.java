package cn.tianxiacheng.servicecenter.casework;

public enum Urgency {

	URGENT("紧急"), NORMAL("一般");

	private final String label;

	Urgency(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
