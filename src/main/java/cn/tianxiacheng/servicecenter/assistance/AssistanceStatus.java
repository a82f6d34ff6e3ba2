package cn.tianxiacheng.servicecenter.assistance;

enum AssistanceStatus {

	OPEN("办理中"), REFUSED("身份核验未通过"), NOT_IN_RECORDS("记录不支持，不予出具"), SEAL_REFUSED("未批准用印"),
	READY("待交付"), HANDED_OVER("已交付，待回访"), CLOSED("已办结");

	private final String label;

	AssistanceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
