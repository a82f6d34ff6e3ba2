package cn.tianxiacheng.servicecenter.inspection;

/** The two daily rounds. */
enum Shift {

	MORNING("上午", "AM"), AFTERNOON("下午", "PM");

	private final String label;

	private final String code;

	Shift(String label, String code) {
		this.label = label;
		this.code = code;
	}

	public String label() {
		return label;
	}

	String code() {
		return code;
	}

}
