package cn.tianxiacheng.servicecenter.casework;

/**
 * The kinds of case, each with the prefix of its number and the process that works it.
 */
public enum CaseType {

	COMPLAINT("TS", "投诉", ComplaintProcess.KEY), SERVICE_REQUEST("BX", "报修", ServiceRequestProcess.KEY);

	private final String prefix;

	private final String label;

	private final String processKey;

	CaseType(String prefix, String label, String processKey) {
		this.prefix = prefix;
		this.label = label;
		this.processKey = processKey;
	}

	public String prefix() {
		return prefix;
	}

	public String label() {
		return label;
	}

	public String processKey() {
		return processKey;
	}

}
