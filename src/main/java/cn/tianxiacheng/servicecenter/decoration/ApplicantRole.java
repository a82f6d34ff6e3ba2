package cn.tianxiacheng.servicecenter.decoration;

/** Who applies: the owner, or a tenant or agent, who needs the owner's consent (第十三条). */
enum ApplicantRole {

	OWNER("业主本人"), TENANT("租户"), AGENT("业主委托的代理人");

	private final String label;

	ApplicantRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
