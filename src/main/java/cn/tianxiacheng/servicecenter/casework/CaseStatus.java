package cn.tianxiacheng.servicecenter.casework;

enum CaseStatus {

	OPEN("处理中"), CLOSED("已办结"), REOPENED("回访不满意，经理处理中");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
