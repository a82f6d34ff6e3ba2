package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.Ledger.Arrears;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import cn.tianxiacheng.servicecenter.fee.Money;
import cn.tianxiacheng.servicecenter.finance.FeeReports.CollectionRow;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 收缴率与欠费: per building, a month's 应收, 实收 and 收缴率, and what its units owe today; and
 * the 催缴单 of a building, one notice per unit in arrears, printed in one go. The notices name
 * the unit, not its owners.
 */
@Controller
class CollectionPageController {

	private final FeeReports reports;

	private final Ledger ledger;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CollectionPageController(FeeReports reports, Ledger ledger, JdbcTemplate jdbc, Clock clock) {
		this.reports = reports;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One building: the month's collection and today's arrears. */
	record BuildingRow(String building, Integer number, BigDecimal due, BigDecimal collected, BigDecimal ratePercent,
			int unitsInArrears, BigDecimal arrears) {
	}

	/** A 催缴单: the unit's overdue bills, their sum, the prepaid money that covers part of it, what is owed. */
	record Notice(String unitNumber, List<BillLine> bills, BigDecimal overdue, BigDecimal prepaid, BigDecimal owed,
			LocalDate oldestDue) {
	}

	@GetMapping("/collection")
	String collection(@RequestParam(required = false) String period, Authentication viewer, Model model) {
		Staff staff = Staff.of(viewer);
		staff.require("只有收费员、经理、主任和审计可以查看收缴率与欠费", StatementPageController.READERS);
		long estateId = staff.estateId();
		YearMonth month = period != null && period.matches("\\d{4}-(0[1-9]|1[0-2])") ? YearMonth.parse(period)
				: YearMonth.now(clock);
		FeeReports.Collection collection = reports.collection(estateId, month);
		Map<String, CollectionRow> collected = collection.byBuilding().stream()
			.collect(Collectors.toMap(CollectionRow::group, row -> row));
		Map<Integer, List<Arrears>> arrears = arrearsByBuilding(estateId);
		List<BuildingRow> rows = jdbc.queryForList(
				"select distinct building_number from unit_address where estate_id = ? order by building_number",
				Integer.class, estateId)
			.stream()
			.map(number -> {
				CollectionRow row = collected.getOrDefault(number + "号楼",
						CollectionRow.of(number + "号楼", Money.ZERO, Money.ZERO));
				List<Arrears> owing = arrears.getOrDefault(number, List.of());
				return new BuildingRow(row.group(), number, row.due(), row.collected(), row.ratePercent(), owing.size(),
						sum(owing));
			})
			.toList();
		List<Arrears> all = arrears.values().stream().flatMap(List::stream).toList();
		CollectionRow total = collection.total();
		model.addAttribute("period", month);
		model.addAttribute("previous", month.minusMonths(1));
		model.addAttribute("next", month.plusMonths(1));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("rows", rows);
		model.addAttribute("total", new BuildingRow("合计", null, total.due(), total.collected(), total.ratePercent(),
				all.size(), sum(all)));
		model.addAttribute("mayPrint", staff.isIn(StaffGroup.CASHIER, StaffGroup.MANAGER));
		return "finance/collection";
	}

	@GetMapping("/collection/buildings/{building}/notices")
	String notices(@PathVariable int building, Authentication viewer, Model model) {
		Staff staff = Staff.of(viewer);
		staff.require("只有收费员和经理可以打印催缴单", StaffGroup.CASHIER, StaffGroup.MANAGER);
		Set<Long> units = Set.copyOf(jdbc.queryForList(
				"select unit_id from unit_address where building_number = ? and estate_id = ?", Long.class, building,
				staff.estateId()));
		if (units.isEmpty()) {
			throw new NotFoundException("没有 " + building + " 号楼");
		}
		LocalDate today = LocalDate.now(clock);
		List<Notice> notices = ledger.arrears(staff.estateId(), today)
			.stream()
			.filter(arrears -> units.contains(arrears.unitId()))
			.sorted(Comparator.comparing(Arrears::unitNumber))
			.map(arrears -> {
				List<BillLine> overdue = ledger.bills(arrears.unitId())
					.stream()
					.filter(bill -> bill.outstanding().signum() > 0 && bill.dueDate().isBefore(today))
					.toList();
				BigDecimal sum = overdue.stream().map(BillLine::outstanding).reduce(Money.ZERO, BigDecimal::add);
				return new Notice(arrears.unitNumber(), overdue, sum, sum.subtract(arrears.amount()), arrears.amount(),
						arrears.oldestDueDate());
			})
			.toList();
		model.addAttribute("building", building);
		model.addAttribute("notices", notices);
		model.addAttribute("today", today);
		return "finance/dunning-notices";
	}

	/** Today's arrears (overdue bills net of prepaid money) of each unit of the estate, by building number. */
	private Map<Integer, List<Arrears>> arrearsByBuilding(long estateId) {
		Map<Long, Integer> buildingOf = new HashMap<>();
		jdbc.query("select unit_id, building_number from unit_address where estate_id = ?",
				rs -> {
					buildingOf.put(rs.getLong(1), rs.getInt(2));
				}, estateId);
		return ledger.arrears(estateId, LocalDate.now(clock))
			.stream()
			.collect(Collectors.groupingBy(arrears -> buildingOf.get(arrears.unitId())));
	}

	private static BigDecimal sum(List<Arrears> arrears) {
		return arrears.stream().map(Arrears::amount).reduce(Money.ZERO, BigDecimal::add);
	}

}
