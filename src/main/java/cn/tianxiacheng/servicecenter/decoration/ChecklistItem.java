package cn.tianxiacheng.servicecenter.decoration;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** What a site inspection or a patrol checks; {@code field} is the checkbox of the inspection form. */
enum ChecklistItem {

	ELECTRICAL("electricalOk", "电气线路"),
	PLUMBING("plumbingOk", "给排水与防水"),
	WALLS("wallsOk", "墙体与结构"),
	DOORS_WINDOWS("doorsWindowsOk", "门窗与外立面"),
	FIRE_SAFETY("fireSafetyOk", "消防安全"),
	WASTE("wasteOk", "装修垃圾"),
	HOURS("hoursOk", "施工时间");

	private final String field;

	private final String label;

	ChecklistItem(String field, String label) {
		this.field = field;
		this.label = label;
	}

	String field() {
		return field;
	}

	public String label() {
		return label;
	}

	static String labels(Collection<ChecklistItem> items) {
		return items.stream().sorted().map(ChecklistItem::label).collect(Collectors.joining("、"));
	}

	/** Item names as stored: {@code ELECTRICAL,WASTE}. */
	static String names(Set<ChecklistItem> items) {
		return items.stream().sorted().map(ChecklistItem::name).collect(Collectors.joining(","));
	}

	/** Item names as stored ({@code ELECTRICAL,WASTE}) back to their labels. */
	static String labels(String names) {
		return names == null || names.isBlank() ? ""
				: labels(Arrays.stream(names.split(",")).map(ChecklistItem::valueOf).toList());
	}

}
