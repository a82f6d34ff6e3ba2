package cn.tianxiacheng.servicecenter.decoration;

/** Where a decoration stands; a unit has at most one open decoration. */
enum DecorationStatus {

	APPLIED("申报审核中", true),
	APPROVED("已批准，待缴费领证", true),
	IN_PROGRESS("施工中", true),
	STOPPED("停工整改中", true),
	ACCEPTED("已验收，观察期", true),
	CLOSED("已结束，押金已退", false),
	REFUSED("不予受理", false),
	REJECTED("审核未通过", false),
	NO_CONSENT("未获业主同意", false),
	CANCELLED("逾期未补交资料，已取消", false);

	private final String label;

	private final boolean open;

	DecorationStatus(String label, boolean open) {
		this.label = label;
		this.open = open;
	}

	String label() {
		return label;
	}

	boolean isOpen() {
		return open;
	}

	/** The statuses of open decorations, for SQL {@code in (…)}. */
	static String openList() {
		StringBuilder list = new StringBuilder();
		for (DecorationStatus status : values()) {
			if (status.open) {
				list.append(list.isEmpty() ? "" : ", ").append('\'').append(status.name()).append('\'');
			}
		}
		return list.toString();
	}

}
