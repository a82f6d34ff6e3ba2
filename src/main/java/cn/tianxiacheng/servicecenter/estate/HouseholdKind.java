package cn.tianxiacheng.servicecenter.estate;

import java.util.List;

/** What a household import brings into an estate's units: one file of each, with its columns. */
enum HouseholdKind {

	OWNER("业主", List.of(HouseholdCsv.UNIT, HouseholdCsv.NAME, HouseholdCsv.ID_NUMBER, HouseholdCsv.PHONE,
			HouseholdCsv.ALTERNATE_PHONE, HouseholdCsv.MOVED_IN)),

	RESIDENT("住户", List.of(HouseholdCsv.UNIT, HouseholdCsv.NAME, HouseholdCsv.RELATION, HouseholdCsv.ID_NUMBER,
			HouseholdCsv.PHONE)),

	TENANT("租户", List.of(HouseholdCsv.UNIT, HouseholdCsv.NAME, HouseholdCsv.ID_NUMBER, HouseholdCsv.PHONE,
			HouseholdCsv.LEASE_START, HouseholdCsv.LEASE_END)),

	VEHICLE("车辆", List.of(HouseholdCsv.UNIT, HouseholdCsv.PLATE, HouseholdCsv.MODEL, HouseholdCsv.COLOR));

	private final String label;

	private final List<String> columns;

	HouseholdKind(String label, List<String> columns) {
		this.label = label;
		this.columns = columns;
	}

	public String label() {
		return label;
	}

	public List<String> columns() {
		return columns;
	}

	/**
	 * The label of an import's kind as {@code estate_import} keeps it: {@code UNITS} for an estate's
	 * buildings and units, {@link EstateImportRecords#OPENING_BALANCES} for its opening balances.
	 */
	static String labelOf(String kind) {
		return switch (kind) {
			case "UNITS" -> "楼栋房屋";
			case EstateImportRecords.OPENING_BALANCES -> "期初余额";
			default -> valueOf(kind).label;
		};
	}

}
