package cn.tianxiacheng.servicecenter.release;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Item;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Request;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import jakarta.validation.constraints.NotBlank;
import org.springframework.util.StringUtils;

/**
 * Reception's 放行条 form: the item lines come as three lists filled side by side (name, quantity,
 * note); a line without a name is an empty line. The rest is checked where the API's requests are.
 */
record PassRequestForm(@NotBlank(message = "请求编号缺失，请刷新页面后重新填写") String requestId, String unitNumber,
		ApplicantKind applicantKind, String applicantName,
		String applicantPhone, String agentIdNumber, String agentCompany, Boolean moveOut, List<String> itemName,
		List<String> itemQuantity, List<String> itemNote, LocalDateTime validFrom, LocalDateTime validTo,
		String vehiclePlate, String gate) {

	Request toRequest() {
		return new Request(requestId, unitNumber, applicantKind, applicantName, applicantPhone, orEmpty(agentIdNumber),
				orEmpty(agentCompany), Boolean.TRUE.equals(moveOut), items(), validFrom, validTo, orEmpty(vehiclePlate), gate);
	}

	private List<Item> items() {
		List<String> names = orNone(itemName);
		if (orNone(itemQuantity).size() != names.size() || orNone(itemNote).size() != names.size()) {
			throw new BadInputException("物品的名称、数量和备注须逐行对应，请重新填写物品清单");
		}
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (StringUtils.hasText(names.get(i))) {
				items.add(new Item(names.get(i), quantity(itemQuantity.get(i)), itemNote.get(i)));
			}
		}
		return items;
	}

	private static Integer quantity(String text) {
		try {
			return StringUtils.hasText(text) ? Integer.valueOf(text.strip()) : null;
		}
		catch (NumberFormatException ex) {
			throw new BadInputException("物品数量须是 1 到 999 的整数");
		}
	}

	private static List<String> orNone(List<String> values) {
		return values == null ? List.of() : values;
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
