package cn.tianxiacheng.servicecenter.repairplan;

/** Where a plan stands. */
enum RepairPlanStatus {

	REVIEW("待主任审核"), REJECTED("未批准"), CONSULTATION("征求意见中"), NOT_AGREED("未获同意"), WORKS("施工中"),
	ACCEPTANCE("待竣工验收"), COMPLETED("已验收决算");

	private final String label;

	RepairPlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Whether the plan is over, one way or another. */
	public boolean isClosed() {
		return this == REJECTED || this == NOT_AGREED || this == COMPLETED;
	}

}
