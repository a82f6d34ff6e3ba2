package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.tianxiacheng.servicecenter.estate.Estate;
import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import cn.tianxiacheng.servicecenter.estate.Households.OccupiedUnit;
import cn.tianxiacheng.servicecenter.estate.Households.OwnedUnit;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.UnitStatus;
import cn.tianxiacheng.servicecenter.estate.UnitType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly and heating-season billing, per estate: a run asked for bills the estate of the staff
 * member who asked, the company's timer bills every estate, each estate's bills a plan of their own.
 * Running a period again issues only the bills that are missing: a unit is billed once per item,
 * period and subject.
 */
@Service
public class BillingRuns {

	public static final String MANAGEMENT_FEE = "MANAGEMENT";

	public static final String PARKING_RENT = "PARKING";

	public static final String HEATING_FEE = "HEATING";

	private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);

	private static final String LEASED_SPACES = """
			select ps.unit_id, ps.number from parking_space_state ps
			 where ps.estate_id = ? and ps.status = 'LEASED' and ps.unit_id is not null
			   and ps.contract_number is null""";

	private final EstateRepository estates;

	private final Households households;

	private final FeeItemRepository items;

	private final FeeRateRepository rates;

	private final BillWriter billWriter;

	private final JdbcTemplate jdbc;

	private final FeeProperties properties;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	BillingRuns(EstateRepository estates, Households households, FeeItemRepository items, FeeRateRepository rates,
			BillWriter billWriter, JdbcTemplate jdbc, FeeProperties properties, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.estates = estates;
		this.households = households;
		this.items = items;
		this.rates = rates;
		this.billWriter = billWriter;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * 物业管理费 of every occupied unit and 车位租金 of every leased space for the month; a space
	 * leased under a contract (车位租赁) is billed by its contract.
	 */
	public BillingResult issueMonthlyBills(YearMonth month, String issuedBy) {
		return issueEach(estate -> monthlyBills(month, estate, true), issuedBy);
	}

	/** The month's bills of one estate's units. */
	@Transactional
	public BillingResult issueMonthlyBills(YearMonth month, long estateId, String issuedBy) {
		return issue(monthlyBills(month, estateId, true), issuedBy);
	}

	/**
	 * The bills a monthly run of the estate would issue now; {@code locked}: the fee items are held
	 * until the caller's transaction ends (a run), or only read (a preview).
	 */
	Plan monthlyBills(YearMonth month, long estateId, boolean locked) {
		return monthlyBills(month, estates.findById(estateId).orElseThrow(), locked);
	}

	private Plan monthlyBills(YearMonth month, Estate estate, boolean locked) {
		properties.requireBillable(month, LocalDate.now(clock));
		List<NewBill> bills = new ArrayList<>();
		int already = 0;
		String period = month.toString();
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		LocalDate due = first.plusDays(properties.paymentTermDays() - 1L);
		if (!withoutItem(estate, MANAGEMENT_FEE)) {
			FeeItem management = item(estate, MANAGEMENT_FEE, locked);
			RateCard managementRates = RateCard.of(management, rates.findByFeeItem(management), first);
			// looked up once per unit type, not once per unit (200,000 units: a tenth of the run)
			Map<UnitType, BigDecimal> prices = new EnumMap<>(UnitType.class);
			Set<String> billed = billed(management, period);
			for (OccupiedUnit unit : households.occupied(estate.getId(), List.of())) {
				if (billed.contains(unit.id() + "/")) {
					already++;
					continue;
				}
				BigDecimal price = prices.computeIfAbsent(unit.type(), managementRates::price);
				BigDecimal amount = FeeCalculator.managementFee(unit.areaM2(), price, month, unit.movedIn(), null);
				if (amount.signum() > 0) {
					bills.add(new NewBill(unit.id(), management.getId(), period, "", first, last, amount, due,
							period + " 物业管理费 " + unit.number() + "，" + unit.areaM2().toPlainString() + " m²"));
				}
			}
			FeeItem parking = item(estate, PARKING_RENT, locked);
			BigDecimal rent = RateCard.of(parking, rates.findByFeeItem(parking), month.atDay(1)).price(null);
			Set<String> rented = billed(parking, month.toString());
			for (Object[] space : jdbc.query(LEASED_SPACES, (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) },
					estate.getId())) {
				if (rented.contains(space[0] + "/" + space[1])) {
					already++;
					continue;
				}
				bills.add(new NewBill((Long) space[0], parking.getId(), month.toString(), (String) space[1],
						month.atDay(1), month.atEndOfMonth(), Money.yuan(rent), due, month + " 车位租金 " + space[1]));
			}
		}
		return new Plan(estate.getCode(), period, bills, already);
	}

	/**
	 * 物业管理费 paid ahead at move-in: the bills of the months from the move-in date on, the
	 * first prorated; the monthly runs then find them issued.
	 */
	@Transactional
	public BillingResult issueManagementAhead(long unitId, LocalDate movedIn, int months, String issuedBy) {
		UnitRow unit = jdbc.queryForObject(
				"select unit_number, area_m2, unit_type, estate_id from unit_address where unit_id = ?",
				(rs, i) -> new UnitRow(rs.getString(1), rs.getBigDecimal(2), UnitType.valueOf(rs.getString(3)),
						rs.getLong(4)),
				unitId);
		Estate estate = estates.findById(unit.estateId()).orElseThrow();
		FeeItem management = item(estate, MANAGEMENT_FEE, true);
		List<FeeRate> managementRates = rates.findByFeeItem(management);
		List<NewBill> bills = new ArrayList<>();
		int already = 0;
		LocalDate due = LocalDate.now(clock).plusDays(properties.paymentTermDays() - 1L);
		for (YearMonth month = YearMonth.from(movedIn); month.isBefore(YearMonth.from(movedIn).plusMonths(months));
				month = month.plusMonths(1)) {
			if (billed(management, month.toString()).contains(unitId + "/")) {
				already++;
				continue;
			}
			BigDecimal price = RateCard.of(management, managementRates, month.atDay(1)).price(unit.type());
			BigDecimal amount = FeeCalculator.managementFee(unit.areaM2(), price, month, movedIn, null);
			bills.add(new NewBill(unitId, management.getId(), month.toString(), "", month.atDay(1), month.atEndOfMonth(),
					amount, due, month + " 物业管理费（入伙预交）" + unit.number()));
		}
		return issue(new Plan(estate.getCode(), "预交 " + months + " 个月", bills, already), issuedBy);
	}

	/**
	 * 暖气费 of every sold unit for the heating season that starts in {@code seasonStartYear}:
	 * a unit nobody lives in pays the configured reduced share.
	 */
	public BillingResult issueHeatingBills(int seasonStartYear, String issuedBy) {
		return issueEach(estate -> heatingBills(seasonStartYear, estate, true), issuedBy);
	}

	/** The heating season's bills of one estate's units. */
	@Transactional
	public BillingResult issueHeatingBills(int seasonStartYear, long estateId, String issuedBy) {
		return issue(heatingBills(seasonStartYear, estateId, true), issuedBy);
	}

	/** The bills a heating run of the estate would issue now; {@code locked} as for {@link #monthlyBills}. */
	Plan heatingBills(int seasonStartYear, long estateId, boolean locked) {
		return heatingBills(seasonStartYear, estates.findById(estateId).orElseThrow(), locked);
	}

	private Plan heatingBills(int seasonStartYear, Estate estate, boolean locked) {
		properties.requireBillable(YearMonth.of(seasonStartYear, properties.seasonStart().getMonth()),
				LocalDate.now(clock));
		String period = seasonStartYear + "-" + (seasonStartYear + 1);
		LocalDate start = properties.seasonStart().atYear(seasonStartYear);
		LocalDate end = properties.seasonEnd().atYear(seasonStartYear + 1);
		LocalDate due = start.plusDays(properties.paymentTermDays() - 1L);
		List<NewBill> bills = new ArrayList<>();
		int already = 0;
		if (!withoutItem(estate, HEATING_FEE)) {
			FeeItem heating = item(estate, HEATING_FEE, locked);
			RateCard card = RateCard.of(heating, rates.findByFeeItem(heating), start);
			Set<String> billed = billed(heating, period);
			for (OwnedUnit unit : households.owned(estate.getId())) {
				if (billed.contains(unit.id() + "/")) {
					already++;
					continue;
				}
				boolean vacant = unit.status() != UnitStatus.OCCUPIED;
				BigDecimal amount = FeeCalculator.heatingFee(unit.areaM2(), card.price(unit.type()), vacant,
						properties.heatingVacantShare());
				bills.add(new NewBill(unit.id(), heating.getId(), period, "", start, end, amount, due,
						period + " 采暖季暖气费 " + unit.number() + (vacant ? "（空置，按比例收取）" : "")));
			}
		}
		return new Plan(estate.getCode(), period, bills, already);
	}

	/** The bills of a run about to be issued, and how many of the period were issued before. */
	record Plan(String estate, String period, List<NewBill> bills, int already) {

		BigDecimal total() {
			return bills.stream().map(NewBill::amount).reduce(Money.ZERO, BigDecimal::add);
		}

	}

	/** Each estate's plan issued on its own; the result is the run's over all of them. */
	/**
	 * The run of every estate, each estate in a transaction of its own: an estate that fails keeps
	 * none of its bills and does not undo the others'; the run then fails, and run again it bills only
	 * what is missing.
	 */
	private BillingResult issueEach(Function<Estate, Plan> planOf, String issuedBy) {
		String period = null;
		int issued = 0;
		int already = 0;
		BigDecimal total = Money.ZERO;
		RuntimeException failed = null;
		for (Estate estate : estates.findAll()) {
			BillingResult result;
			try {
				result = ownTransaction.execute(status -> issue(planOf.apply(estate), issuedBy));
			}
			catch (RuntimeException ex) {
				log.error("Billing of estate {} failed, its bills not issued: {}", estate.getCode(), ex.getMessage());
				failed = failed == null ? ex : failed;
				continue;
			}
			period = result.period();
			issued += result.issued();
			already += result.alreadyIssued();
			total = total.add(result.total());
		}
		if (failed != null) {
			throw failed;
		}
		return new BillingResult(period, issued, already, total);
	}

	private BillingResult issue(Plan plan, String issuedBy) {
		billWriter.issue(plan.bills(), issuedBy);
		BigDecimal total = plan.total();
		log.info("Billing {} of estate {}: {} bills issued ({} yuan), {} already issued", plan.period(), plan.estate(),
				plan.bills().size(), total, plan.already());
		return new BillingResult(plan.period(), plan.bills().size(), plan.already(), total);
	}

	/** An estate just added has no fee standards yet: a run has nothing of it to bill. */
	private boolean withoutItem(Estate estate, String code) {
		if (items.findByEstateIdAndCode(estate.getId(), code).isPresent()) {
			return false;
		}
		log.warn("Estate {} has no fee item {} yet: not billed", estate.getCode(), code);
		return true;
	}

	/**
	 * The fee item; {@code locked}: held until the run commits, so two runs of one item (on two
	 * nodes, or a scheduled run and one asked for) take turns, and the second finds the first's
	 * bills issued instead of failing on the bills' unique key.
	 */
	private FeeItem item(Estate estate, String code, boolean locked) {
		FeeItem item = items.findByEstateIdAndCode(estate.getId(), code)
			.orElseThrow(() -> new IllegalStateException("小区“" + estate.getName() + "”没有收费项目 " + code));
		if (locked) {
			jdbc.queryForObject("select id from fee_item where id = ? for update", Long.class, item.getId());
		}
		return item;
	}

	/** The bills of the item and period already issued, as {@code unitId/subject}. */
	private Set<String> billed(FeeItem item, String period) {
		return new HashSet<>(jdbc.queryForList(
				"select concat(concat(cast(unit_id as varchar(20)), '/'), subject) from bill where fee_item_id = ? and period = ?",
				String.class, item.getId(), period));
	}

	private record UnitRow(String number, BigDecimal areaM2, UnitType type, long estateId) {
	}

}
