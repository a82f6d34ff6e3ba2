package cn.tianxiacheng.servicecenter.estate;

import java.util.Arrays;
import java.util.List;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gates of an estate where goods leave with a release pass (放行条), set by the administrator:
 * each estate has its own; an estate that has set none uses the company's list.
 */
@Service
class EstateGateSettings {

	static final int MOST_GATES = 8;

	static final int LONGEST_NAME = 10;

	private static final Logger log = LoggerFactory.getLogger(EstateGateSettings.class);

	private final EstateRepository estates;

	EstateGateSettings(EstateRepository estates) {
		this.estates = estates;
	}

	/** The gates as written: separated by 、 , ， or spaces. */
	static List<String> parse(String gates) {
		return Arrays.stream(gates.split("[、,，\\s]+")).map(String::strip).filter(gate -> !gate.isEmpty()).toList();
	}

	/** Sets the estate's gates; none (blank) goes back to the company's list. */
	@Transactional
	void set(String code, String gates, Staff admin) {
		admin.require("只有系统管理员可以设置小区的大门", StaffGroup.ADMIN);
		List<String> parsed = gates == null ? List.of() : parse(gates);
		if (parsed.size() > MOST_GATES) {
			throw new BadInputException("大门：最多 " + MOST_GATES + " 个");
		}
		for (String gate : parsed) {
			if (gate.length() > LONGEST_NAME) {
				throw new BadInputException("大门：“" + gate + "”超过 " + LONGEST_NAME + " 个字");
			}
		}
		if (parsed.stream().distinct().count() < parsed.size()) {
			throw new BadInputException("大门：同一个大门只写一次");
		}
		Estate estate = estates.findByCode(code).orElseThrow(() -> new NotFoundException("没有代码为 " + code + " 的小区"));
		estate.setGates(parsed.isEmpty() ? null : String.join("、", parsed));
		log.info("{} set the gates of estate {}: {}", admin.id(), code, parsed.isEmpty() ? "the company's" : parsed);
	}

}
