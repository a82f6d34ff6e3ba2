package cn.tianxiacheng.servicecenter.estate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time zones an administrator chooses an estate's from, by their Chinese names: China's, and those
 * of the cities where a company of China manages estates abroad.
 */
final class EstateZoneChoices {

	static final Map<String, String> LABELS = labels();

	private EstateZoneChoices() {
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("Asia/Shanghai", "北京时间");
		labels.put("Asia/Hong_Kong", "香港时间");
		labels.put("Asia/Singapore", "新加坡时间");
		labels.put("Asia/Tokyo", "东京时间");
		labels.put("Asia/Dubai", "迪拜时间");
		labels.put("Europe/London", "伦敦时间");
		labels.put("America/Los_Angeles", "洛杉矶时间");
		return labels;
	}

	/** The zone's Chinese name; a zone set otherwise than here, its id. */
	static String label(String zone) {
		return LABELS.getOrDefault(zone, zone);
	}

	static boolean offers(String zone) {
		return zone != null && LABELS.containsKey(zone);
	}

}
