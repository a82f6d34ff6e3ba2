package cn.tianxiacheng.servicecenter.assistance;

/** What the center is asked for: a certificate from its records, or help with the developer's documents. */
enum AssistanceKind {

	RESIDENCE("实际居住证明", "依据入伙记录和入住情况"), FEES_PAID("缴费证明", "依据收费台账"),
	HANDOVER("交付证明", "依据入伙交房日期"), DEVELOPER_DOCUMENTS("协助索取开发商资料", "联系开发商，定期跟进");

	private final String label;

	private final String source;

	AssistanceKind(String label, String source) {
		this.label = label;
		this.source = source;
	}

	public String label() {
		return label;
	}

	/** Where its facts come from, for the request page. */
	public String source() {
		return source;
	}

	boolean isCertificate() {
		return this != DEVELOPER_DOCUMENTS;
	}

}
