package cn.tianxiacheng.servicecenter.estate;

/**
 * The use of a unit; fee rates differ by it.
 */
public enum UnitType {

	RESIDENTIAL("住宅"), DUPLEX("复式住宅"), SHOP("商铺");

	private final String label;

	UnitType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
