package cn.tianxiacheng.servicecenter.assistance;

/** What the owner needs it for. */
enum AssistancePurpose {

	HOUSEHOLD_REGISTRATION("户口迁移"), SCHOOL_ENROLMENT("子女入学"), OTHER("其他事项");

	private final String label;

	AssistancePurpose(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
