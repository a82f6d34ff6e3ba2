package cn.tianxiacheng.servicecenter.movein;

import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.movein.MoveIns.Person;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Registration;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Vehicle;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import jakarta.validation.constraints.NotNull;
import org.springframework.util.StringUtils;

/**
 * The 入伙登记 form: the owners as lists filled side by side (name, ID number, phone; an owner
 * without a name is an empty block), the household and the vehicles one a line, their fields
 * separated by commas. The rest is checked where the API's registrations are.
 */
record MoveInForm(@NotNull(message = "请求编号缺失，请刷新页面后重新填写") String requestId,
		@NotNull(message = "请填写房号") String unitNumber, @NotNull(message = "请填写购房合同编号") String contractNumber,
		List<String> ownerName, List<String> ownerIdNumber, List<String> ownerPhone, String members, String vehicles) {

	Registration toRegistration() {
		return new Registration(requestId, unitNumber, contractNumber, owners(),
				lines(members).stream().map(f -> new Person(f[0], at(f, 1), null, at(f, 2))).toList(),
				lines(vehicles).stream().map(f -> new Vehicle(f[0], at(f, 1), at(f, 2))).toList());
	}

	private List<Person> owners() {
		List<String> names = ownerName == null ? List.of() : ownerName;
		if (ownerIdNumber == null || ownerIdNumber.size() != names.size() || ownerPhone == null
				|| ownerPhone.size() != names.size()) {
			throw new BadInputException("业主的姓名、身份证号和电话须逐项对应，请重新填写");
		}
		List<Person> owners = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (StringUtils.hasText(names.get(i))) {
				owners.add(new Person(names.get(i).strip(), null, ownerIdNumber.get(i).strip().toUpperCase(),
						ownerPhone.get(i).strip()));
			}
		}
		return owners;
	}

	/** Lines of comma separated fields ({@code 姓名,关系,电话}); blank lines are skipped. */
	private static List<String[]> lines(String text) {
		List<String[]> lines = (text == null ? "" : text).lines()
			.map(String::strip)
			.filter(StringUtils::hasText)
			.map(line -> line.split("\\s*[,，]\\s*"))
			.toList();
		if (lines.stream().anyMatch(fields -> fields.length == 0)) {
			throw new BadInputException("住户或车辆每行需用逗号分隔各项");
		}
		return lines;
	}

	private static String at(String[] fields, int index) {
		return fields.length > index && StringUtils.hasText(fields[index]) ? fields[index] : "";
	}

}
