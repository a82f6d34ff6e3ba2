package cn.tianxiacheng.servicecenter.estate;

public enum UnitStatus {

	VACANT("空置"), OCCUPIED("已入住");

	private final String label;

	UnitStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
