package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.finance.FeeReports.Aging;
import cn.tianxiacheng.servicecenter.finance.FeeReports.Collection;
import cn.tianxiacheng.servicecenter.finance.FeeReports.CollectionRow;
import cn.tianxiacheng.servicecenter.finance.FeeReports.Statement;
import cn.tianxiacheng.servicecenter.system.CsvExport;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fee reports as JSON or, with {@code format=csv}, as a CSV download; expenses; publishing the
 * month's statement to owners.
 */
@RestController
class ReportApiController {

	private static final String PERIOD = "\\d{4}-(0[1-9]|1[0-2])";

	private static final String REFUSAL = "只有收费员、经理、主任和审计可以查看收费报表";

	private final FeeReports reports;

	private final Expenses expenses;

	ReportApiController(FeeReports reports, Expenses expenses) {
		this.reports = reports;
		this.expenses = expenses;
	}

	record ExpenseRequest(@Size(max = 64, message = "requestId 最多 64 个字符") String requestId, @NotNull(message = "缺少 period（账期）") @Pattern(regexp = PERIOD, message = "账期应为年月，如 2026-11") String period,
			@NotBlank(message = "缺少 category（支出类别）") @Size(max = 30, message = "支出类别最多 30 个字") String category,
			@NotNull(message = "缺少 amount（金额）") @DecimalMin(value = "0.01", message = "金额必须大于 0") @Digits(integer = 10,
					fraction = 2, message = "金额最多两位小数") BigDecimal amount,
			@NotBlank(message = "缺少 description（说明）") @Size(max = 200, message = "说明最多 200 个字") String description) {
	}

	@GetMapping("/api/reports/collection")
	ResponseEntity<?> collection(@RequestParam @Pattern(regexp = PERIOD, message = "账期应为年月，如 2026-11") String period,
			@RequestParam(required = false) String format, Authentication staff) {
		requireReader(staff);
		Collection collection = reports.collection(Staff.of(staff).estateId(), YearMonth.parse(period));
		if (!"csv".equals(format)) {
			return ResponseEntity.ok(collection);
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		collection.byBuilding().forEach(row -> rows.add(collectionRow("按楼栋", row)));
		collection.byItem().forEach(row -> rows.add(collectionRow("按收费项目", row)));
		rows.add(collectionRow("合计", collection.total()));
		return CsvExport.of("收费率-" + period + ".csv", List.of("分类", "项目", "应收", "实收", "收费率百分比"), rows);
	}

	@GetMapping("/api/reports/arrears")
	ResponseEntity<?> arrears(@RequestParam(required = false) String format, Authentication staff) {
		requireReader(staff);
		Aging aging = reports.arrears(Staff.of(staff).estateId());
		if (!"csv".equals(format)) {
			return ResponseEntity.ok(aging);
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		aging.buckets().forEach(bucket -> rows.add(row("账龄", bucket.age(), "户数", bucket.units(), "账单数", bucket.bills(),
				"欠费金额", bucket.amount())));
		return CsvExport.of("欠费账龄-" + aging.asOf() + ".csv", List.of("账龄", "户数", "账单数", "欠费金额"), rows);
	}

	@GetMapping("/api/reports/statement")
	ResponseEntity<?> statement(@RequestParam @Pattern(regexp = PERIOD, message = "账期应为年月，如 2026-11") String period,
			@RequestParam(required = false) String format, Authentication staff) {
		requireReader(staff);
		Statement statement = reports.statement(Staff.of(staff).estateId(), YearMonth.parse(period));
		if (!"csv".equals(format)) {
			return ResponseEntity.ok(statement);
		}
		List<Map<String, ?>> rows = new ArrayList<>();
		statement.lines().forEach(line -> rows.add(row("类别", line.section(), "项目", line.item(), "金额", line.amount())));
		rows.add(row("类别", "合计", "项目", "收入合计", "金额", statement.income()));
		rows.add(row("类别", "合计", "项目", "支出合计", "金额", statement.expenses()));
		rows.add(row("类别", "合计", "项目", "结余", "金额", statement.surplus()));
		return CsvExport.of("收支表-" + period + ".csv", List.of("类别", "项目", "金额"), rows);
	}

	@PostMapping("/api/expenses")
	@ResponseStatus(HttpStatus.CREATED)
	void enterExpense(@Valid @RequestBody ExpenseRequest request, Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有收费员或经理可以录入支出", StaffGroup.CASHIER, StaffGroup.MANAGER);
		expenses.enter(request.requestId(), Staff.of(staff).estateId(), YearMonth.parse(request.period()),
				request.category(), request.amount(), request.description(), staff.getName());
	}

	@PostMapping("/api/reports/statement/{period}/publication")
	@ResponseStatus(HttpStatus.CREATED)
	void publish(@PathVariable @Pattern(regexp = PERIOD, message = "账期应为年月，如 2026-11") String period,
			Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有经理可以向业主公布收支表", StaffGroup.MANAGER);
		expenses.publish(Staff.of(staff).estateId(), YearMonth.parse(period), staff.getName());
	}

	private static void requireReader(Authentication staff) {
		StaffAuthorities.requireAny(staff, REFUSAL, StaffGroup.CASHIER, StaffGroup.MANAGER, StaffGroup.DIRECTOR,
				StaffGroup.AUDITOR);
	}

	private static Map<String, ?> collectionRow(String kind, CollectionRow row) {
		return row("分类", kind, "项目", row.group(), "应收", row.due(), "实收", row.collected(), "收费率百分比", row.ratePercent());
	}

	private static Map<String, Object> row(Object... keysAndValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			row.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return row;
	}

}
