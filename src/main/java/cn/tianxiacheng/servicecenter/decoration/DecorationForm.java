package cn.tianxiacheng.servicecenter.decoration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.decoration.DecorationApplications.Application;
import cn.tianxiacheng.servicecenter.decoration.DecorationApplications.Worker;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import jakarta.validation.constraints.NotNull;
import org.springframework.util.StringUtils;

/**
 * Reception's 装修申报 form: the workers one a line ({@code 姓名,身份证号,工种}), the scope as
 * the boxes ticked. The rest is checked where the API's applications are.
 */
record DecorationForm(@NotNull(message = "请求编号缺失，请刷新页面后重新填写") String requestId, String unitNumber,
		String applicantRole, String applicantName, String applicantPhone, String contractorCompany,
		String contractorLicence, String contractorPerson, String contractorPhone, String workers,
		LocalDate plannedStart, LocalDate plannedEnd, String works, List<String> scope) {

	Application toApplication() {
		return new Application(requestId, unitNumber, applicantRole, applicantName, applicantPhone, contractorCompany,
				contractorLicence, contractorPerson, contractorPhone, workerList(), plannedStart, plannedEnd, works,
				scope == null ? List.of() : scope);
	}

	private List<Worker> workerList() {
		List<Worker> list = new ArrayList<>();
		for (String line : (workers == null ? "" : workers).lines().map(String::strip).filter(StringUtils::hasText).toList()) {
			String[] fields = line.split("\\s*[,，]\\s*");
			if (fields.length != 3) {
				throw new BadInputException("施工人员每行填写：姓名,身份证号,工种（“" + line + "”不对）");
			}
			list.add(new Worker(fields[0], fields[1], fields[2]));
		}
		return list;
	}

}
