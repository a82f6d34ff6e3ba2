package cn.tianxiacheng.servicecenter.repairplan;

/** 大修 or 中修. */
enum RepairScale {

	MAJOR("大修"), MEDIUM("中修");

	private final String label;

	RepairScale(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
