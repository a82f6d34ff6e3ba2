package cn.tianxiacheng.servicecenter.parking;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.fee.ParkingRent.RentRefund;
import cn.tianxiacheng.servicecenter.fee.ParkingRent;
import cn.tianxiacheng.servicecenter.fee.PaymentMethod;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 车位租赁: applications (checked here, then by reception in the process), the contract and its
 * rent through the fee engine, the one end date a renewal moves on without a gap, plate changes,
 * transfers, early termination with the pro-rata refund, and the release of the space to the
 * waiting list.
 */
@Service
public class ParkingLeases {

	enum LesseeKind {

		OWNER("业主"), TENANT("租户");

		private final String label;

		LesseeKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	enum PaymentPlan {

		PREPAID("整个租期一次缴清"), MONTHLY("按月缴纳");

		private final String label;

		PaymentPlan(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	enum Status {

		APPLIED("待核对"), REFUSED("未通过"), AWAITING_PAYMENT("待缴租金"), ACTIVE("租赁中"), GRACE("已到期，宽限期内"),
		ENDED("已结束，车位已收回"), TERMINATED("已提前退租");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		boolean isOpen() {
			return this == APPLIED || this == AWAITING_PAYMENT || this == ACTIVE || this == GRACE;
		}

	}

	record Application(String requestId, String unitNumber, LesseeKind lesseeKind, String lesseeName,
			String lesseePhone, String spaceNumber, List<String> plates, LocalDate startDate, Integer months,
			PaymentPlan paymentPlan) {
	}

	record Registered(String leaseNumber, String processInstanceId, Status status) {
	}

	record Lease(long id, String leaseNumber, long unitId, String unitNumber, LesseeKind lesseeKind,
			String lesseeName, String lesseePhone, long spaceId, String spaceNumber, LocalDate startDate, int months,
			LocalDate endDate, int billedMonths, BigDecimal monthlyRent, PaymentPlan paymentPlan, Status status,
			String processInstanceId) {

		String termText() {
			return startDate + " 至 " + endDate + "，共 " + months + " 个月，月租 " + monthlyRent.toPlainString() + " 元，"
					+ paymentPlan.label();
		}

	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final String SELECT = """
			select l.id, l.lease_number, l.unit_id, u.unit_number, l.lessee_kind, l.lessee_name, l.lessee_phone, l.space_id,
			       s.number, l.start_date, l.months, l.end_date, l.billed_months, l.monthly_rent, l.payment_plan,
			       l.status, l.process_instance_id
			  from parking_lease l join unit_address u on u.unit_id = l.unit_id join parking_space_state s on s.id = l.space_id""";

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert leaseInsert;

	private final ParkingLessees lessees;

	private final ParkingWaitlist waitlist;

	private final Households households;

	private final ParkingRent rent;

	private final NumberSeries numberSeries;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final LeaseJournal journal;

	private final ParkingProperties properties;

	private final Clock clock;

	private final RequestOnce requestOnce;

	ParkingLeases(JdbcTemplate jdbc, ParkingLessees lessees, ParkingWaitlist waitlist, Households households,
			ParkingRent rent, NumberSeries numberSeries, RuntimeService runtimeService, EngineAsSystem asSystem,
			LeaseJournal journal, ParkingProperties properties, Clock clock, RequestOnce requestOnce) {
		this.requestOnce = requestOnce;
		this.jdbc = jdbc;
		this.leaseInsert = new SimpleJdbcInsert(jdbc).withTableName("parking_lease").usingGeneratedKeyColumns("id");
		this.lessees = lessees;
		this.waitlist = waitlist;
		this.households = households;
		this.rent = rent;
		this.numberSeries = numberSeries;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.journal = journal;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Records the application and starts its process as the system, or returns the lease of an
	 * earlier request with the same id. Refused, creating nothing: an unknown unit or space, a
	 * space leased, sold or held for someone else, a tenant while owners wait, plates of another
	 * household or on another lease.
	 */
	public Registered apply(Application application, Staff staff) {
		return requestOnce.apply(() -> applyOnce(application, staff));
	}

	private Registered applyOnce(Application application, Staff staff) {
		staff.require("只有接待员或经理可以受理车位租赁", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Optional<Registered> earlier = requestOnce.earlier(application.requestId(),
				"select lease_number, process_instance_id, status from parking_lease where request_id = ?",
				(rs, i) -> new Registered(rs.getString(1), rs.getString(2), Status.valueOf(rs.getString(3))));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		check(application);
		Unit unit = lessees.unit(application.unitNumber());
		String lessee = application.lesseeName().strip();
		boolean owner = application.lesseeKind() == LesseeKind.OWNER;
		lessees.requireOfUnit(unit, owner, lessee);
		Map<String, Object> space = space(application.spaceNumber());
		long spaceId = ((Number) space.get("id")).longValue();
		requireFreeFor(space, unit.getId(), owner, null);
		List<String> plates = lessees.requirePlates(unit, application.plates(), null);
		String prefix = "CW-" + LocalDate.now(clock).format(DAY);
		String leaseNumber = "%s-%04d".formatted(prefix, numberSeries.next(prefix));
		LocalDate start = application.startDate();
		Map<String, Object> row = new HashMap<>();
		row.put("lease_number", leaseNumber);
		row.put("request_id", application.requestId());
		row.put("unit_id", unit.getId());
		row.put("lessee_kind", application.lesseeKind().name());
		row.put("lessee_name", lessee);
		row.put("lessee_phone", application.lesseePhone().strip());
		row.put("space_id", spaceId);
		row.put("start_date", Date.valueOf(start));
		row.put("months", application.months());
		row.put("end_date", Date.valueOf(endOf(start, application.months())));
		row.put("billed_months", 0);
		row.put("monthly_rent", rent.monthlyRent(unit.getId(), start));
		row.put("payment_plan", application.paymentPlan().name());
		row.put("status", Status.APPLIED.name());
		row.put("applied_by", staff.id());
		row.put("applied_at", Timestamp.from(clock.instant()));
		long leaseId = leaseInsert.executeAndReturnKey(row).longValue();
		plates.forEach(plate -> jdbc.update("insert into parking_lease_plate (lease_id, plate_number) values (?, ?)",
				leaseId, plate));
		journal.record(leaseId, "受理车位租赁申请（" + application.lesseeKind().label() + "）", staff.id(), null);
		Lease lease = byId(leaseId);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CASE_NUMBER, leaseNumber);
		variables.put(Var.UNIT_ID, unit.getId());
		variables.put(Var.UNIT_NUMBER, unit.getNumber());
		variables.put(Var.CATEGORY, "车位租赁 " + lease.spaceNumber());
		variables.put(Var.URGENCY_LABEL, "一般");
		variables.put(Var.SPACE_NUMBER, lease.spaceNumber());
		variables.put(Var.PLATES, String.join("、", plates));
		variables.put(Var.LESSEE, lease.lesseeKind().label() + " " + PersonalDataMask.maskName(lessee));
		variables.put(Var.TERM_TEXT, lease.termText());
		variables.put(Var.RENT_DUE, "");
		variables.put(Var.RECENT_STEPS, journal.recentSteps(leaseId));
		ProcessInstance instance = asSystem
			.call(() -> runtimeService.startProcessInstanceByKey(ParkingLeaseProcess.KEY, leaseNumber, variables));
		jdbc.update("update parking_lease set process_instance_id = ? where id = ?", instance.getId(), leaseId);
		return new Registered(leaseNumber, instance.getId(), Status.APPLIED);
	}

	/**
	 * 续租: the term goes on from the day after the old end, by whole months from the start (one
	 * end date, no gap); prepaid rent is billed now, monthly rent as the months come.
	 */
	@Transactional
	public Lease renew(String leaseNumber, Integer months, Staff staff) {
		staff.require("只有接待员或经理可以办理续租", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		requireMonths(months);
		Lease lease = byNumber(leaseNumber);
		if (lease.status() != Status.ACTIVE && lease.status() != Status.GRACE) {
			throw new ConflictException("租赁 " + leaseNumber + " " + lease.status().label() + "，不能续租");
		}
		int total = lease.months() + months;
		LocalDate end = endOf(lease.startDate(), total);
		jdbc.update("update parking_lease set months = ?, end_date = ?, status = 'ACTIVE' where id = ?", total,
				Date.valueOf(end), lease.id());
		Lease renewed = byId(lease.id());
		if (renewed.paymentPlan() == PaymentPlan.PREPAID) {
			billThrough(renewed, total, staff.id());
		}
		journal.record(lease.id(), "续租 " + months + " 个月，自 " + lease.endDate().plusDays(1) + " 起至 " + end,
				staff.id(), null);
		asSystem.run(() -> {
			runtimeService.setVariables(lease.processInstanceId(),
					Map.of(Var.TERM_TEXT, renewed.termText(), Var.RECENT_STEPS, journal.recentSteps(lease.id())));
			runtimeService.createMessageCorrelation(ParkingLeaseProcess.RENEWED)
				.processInstanceBusinessKey(leaseNumber)
				.correlate();
		});
		return byId(lease.id());
	}

	/**
	 * 提前退租: the lease ends after its last day; the rent paid for the days after it is refunded
	 * pro rata through the fee engine; the space goes to the next on the waiting list.
	 */
	@Transactional
	public RentRefund terminate(String leaseNumber, LocalDate lastDay, String reason, PaymentMethod method,
			Staff staff) {
		staff.require("只有接待员或经理可以办理退租", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new BadInputException("请填写退租原因（最多 200 个字）");
		}
		Lease lease = byNumber(leaseNumber);
		if (lease.status() != Status.ACTIVE) {
			throw new ConflictException("租赁 " + leaseNumber + " " + lease.status().label() + "，不能办理提前退租");
		}
		LocalDate today = LocalDate.now(clock);
		if (lastDay == null || lastDay.isBefore(today.minusDays(1)) || lastDay.isBefore(lease.startDate().minusDays(1))
				|| !lastDay.isBefore(lease.endDate())) {
			throw new BadInputException("退租的最后一天须不早于昨天、不早于起租前一天，并早于租期结束日 " + lease.endDate());
		}
		RentRefund refund = rent.refundAfter(leaseNumber, lease.unitId(), lastDay, method, reason.strip(), staff.id());
		jdbc.update("update parking_lease set end_date = ?, status = 'TERMINATED', closed_at = ? where id = ?",
				Date.valueOf(lastDay), Timestamp.from(clock.instant()), lease.id());
		releaseSpace(lease.spaceId());
		journal.record(lease.id(), "提前退租，租至 " + lastDay + "；已用部分 " + refund.usedPart() + " 元，退还 "
				+ refund.refunded() + " 元", staff.id(), reason.strip());
		asSystem.run(() -> runtimeService.createMessageCorrelation(ParkingLeaseProcess.TERMINATED)
			.processInstanceBusinessKey(leaseNumber)
			.correlate());
		return refund;
	}

	/** 变更车牌: the plates the lease covers, the household's and on no other lease. */
	@Transactional
	public Lease changePlates(String leaseNumber, List<String> plates, Staff staff) {
		staff.require("只有接待员或经理可以变更车牌", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Lease lease = byNumber(leaseNumber);
		requireOpen(lease);
		Unit unit = lessees.unit(lease.unitNumber());
		List<String> checked = lessees.requirePlates(unit, plates, lease.id());
		List<String> before = plates(lease.id());
		jdbc.update("delete from parking_lease_plate where lease_id = ?", lease.id());
		checked.forEach(plate -> jdbc.update("insert into parking_lease_plate (lease_id, plate_number) values (?, ?)",
				lease.id(), plate));
		if (lease.status() == Status.ACTIVE || lease.status() == Status.GRACE) {
			households.parkVehicles(lease.unitId(), checked, lease.spaceId());
		}
		journal.record(lease.id(), "变更车牌：" + String.join("、", before) + " → " + String.join("、", checked), staff.id(),
				null);
		asSystem.run(() -> runtimeService.setVariables(lease.processInstanceId(),
				Map.of(Var.PLATES, String.join("、", checked), Var.RECENT_STEPS, journal.recentSteps(lease.id()))));
		return byId(lease.id());
	}

	/** 换车位: the lease moves to a free space at the same rent; the old one goes to the waiting list. */
	@Transactional
	public Lease transfer(String leaseNumber, String spaceNumber, Staff staff) {
		staff.require("只有接待员或经理可以办理换车位", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Lease lease = byNumber(leaseNumber);
		if (lease.status() != Status.ACTIVE) {
			throw new ConflictException("租赁 " + leaseNumber + " " + lease.status().label() + "，不能换车位");
		}
		Map<String, Object> space = space(spaceNumber);
		long spaceId = ((Number) space.get("id")).longValue();
		if (spaceId == lease.spaceId()) {
			throw new BadInputException("新车位与原车位相同");
		}
		requireFreeFor(space, lease.unitId(), lease.lesseeKind() == LesseeKind.OWNER, lease.id());
		if (!households.leaseSpace(spaceId, lease.unitId(), leaseNumber, plates(lease.id()))) {
			throw new ConflictException("车位 " + spaceNumber + " 刚被占用，请另选车位");
		}
		waitlist.leased(lease.unitId(), spaceId, lease.lesseeKind() == LesseeKind.OWNER);
		releaseSpace(lease.spaceId());
		jdbc.update("update parking_lease set space_id = ? where id = ?", spaceId, lease.id());
		journal.record(lease.id(), "换车位：" + lease.spaceNumber() + " → " + spaceNumber, staff.id(), null);
		asSystem.run(() -> runtimeService.setVariables(lease.processInstanceId(),
				Map.of(Var.SPACE_NUMBER, spaceNumber, Var.RECENT_STEPS, journal.recentSteps(lease.id()))));
		return byId(lease.id());
	}

	/**
	 * Before the contract: the application may still be worked, or the reason it may not (the
	 * space or a plate was taken meanwhile).
	 */
	String refusalNow(Lease lease) {
		try {
			requireFreeFor(space(lease.spaceNumber()), lease.unitId(), lease.lesseeKind() == LesseeKind.OWNER,
					lease.id());
			lessees.requirePlates(lessees.unit(lease.unitNumber()), plates(lease.id()), lease.id());
			return null;
		}
		catch (BadInputException | BusinessRuleException | ConflictException ex) {
			return ex.getMessage();
		}
	}

	void refuse(Lease lease, String reason) {
		jdbc.update("update parking_lease set status = 'REFUSED', closed_at = ? where id = ? and status = 'APPLIED'",
				Timestamp.from(clock.instant()), lease.id());
		journal.record(lease.id(), "申请未通过：" + reason, "system", null);
	}

	/** 签订合同: the space is held for the lessee and the rent billed (the whole term, or the first month). */
	BigDecimal issueContract(Lease lease) {
		if (!households.reserveSpace(lease.spaceId()) && !waitlist.offeredTo(lease.unitId(), lease.spaceId())) {
			throw new IllegalStateException("车位 " + lease.spaceNumber() + " 已不空闲，合同 " + lease.leaseNumber() + " 不能签订");
		}
		jdbc.update("update parking_lease set status = 'AWAITING_PAYMENT' where id = ? and status = 'APPLIED'",
				lease.id());
		BigDecimal billed = billThrough(lease, lease.paymentPlan() == PaymentPlan.PREPAID ? lease.months() : 1,
				"system");
		journal.record(lease.id(), "签订合同，开具租金 " + billed.toPlainString() + " 元", "system", null);
		return billed;
	}

	/** The lease's last steps, for its tasks' forms. */
	String recentSteps(Lease lease) {
		return journal.recentSteps(lease.id());
	}

	boolean rentPaid(Lease lease) {
		return rent.isPaid(lease.leaseNumber(), lease.unitId());
	}

	void activate(Lease lease) {
		if (!households.leaseSpace(lease.spaceId(), lease.unitId(), lease.leaseNumber(), plates(lease.id()))) {
			throw new IllegalStateException("车位 " + lease.spaceNumber() + " 已被占用，租赁 " + lease.leaseNumber() + " 不能生效");
		}
		waitlist.leased(lease.unitId(), lease.spaceId(), lease.lesseeKind() == LesseeKind.OWNER);
		jdbc.update("update parking_lease set status = 'ACTIVE' where id = ? and status = 'AWAITING_PAYMENT'", lease.id());
		journal.record(lease.id(), "租金已缴清，租赁生效", "system", null);
	}

	/** A monthly plan's next month, when its first day is within the term. */
	void billNextMonth(Lease lease) {
		if (lease.billedMonths() < lease.months()) {
			billThrough(lease, lease.billedMonths() + 1, "system");
		}
	}

	void startGrace(Lease lease) {
		jdbc.update("update parking_lease set status = 'GRACE' where id = ? and status = 'ACTIVE'", lease.id());
		journal.record(lease.id(), "租期届满未续租，进入宽限期", "system", null);
	}

	/** 收回车位: the lease ends, its space goes to the next on the waiting list or is free. */
	void end(Lease lease) {
		jdbc.update("update parking_lease set status = 'ENDED', closed_at = ? where id = ? and status = 'GRACE'",
				Timestamp.from(clock.instant()), lease.id());
		releaseSpace(lease.spaceId());
		journal.record(lease.id(), "宽限期满未续租，收回车位 " + lease.spaceNumber(), "system", null);
	}

	Lease byNumber(String leaseNumber) {
		return jdbc.query(SELECT + " where l.lease_number = ?", ParkingLeases::lease, leaseNumber)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有编号为 " + leaseNumber + " 的车位租赁"));
	}

	Lease byId(long leaseId) {
		return jdbc.query(SELECT + " where l.id = ?", ParkingLeases::lease, leaseId).stream().findFirst().orElseThrow();
	}

	List<String> plates(long leaseId) {
		return jdbc.queryForList("select plate_number from parking_lease_plate where lease_id = ? order by id",
				String.class, leaseId);
	}

	/** Leases of a status or all, the nearest end first. */
	List<Lease> list(String where, Object... arguments) {
		return jdbc.query(SELECT + " where " + where + " order by l.end_date, l.id", ParkingLeases::lease, arguments);
	}

	/** Bills the rent of the lease months up to the given count, those not billed yet. */
	private BigDecimal billThrough(Lease lease, int months, String by) {
		BigDecimal billed = rent.issue(lease.leaseNumber(), lease.unitId(), lease.spaceNumber(), lease.startDate(),
				lease.billedMonths(), months, lease.monthlyRent(), by);
		jdbc.update("update parking_lease set billed_months = ? where id = ? and billed_months < ?", months, lease.id(),
				months);
		return billed;
	}

	/** 撤回候补: the entry ends; a space held for it goes to the next one waiting, or is free again. */
	@Transactional
	public void withdrawFromWaitlist(long entryId, String reason, Staff staff) {
		waitlist.withdraw(entryId, reason, staff).ifPresent(this::releaseSpace);
	}

	private void releaseSpace(long spaceId) {
		households.freeSpace(spaceId, waitlist.offer(spaceId).isPresent());
	}

	private void requireFreeFor(Map<String, Object> space, long unitId, boolean owner, Long leaseId) {
		long spaceId = ((Number) space.get("id")).longValue();
		String number = (String) space.get("number");
		String status = (String) space.get("status");
		if (jdbc.queryForObject("""
				select count(*) from parking_lease
				 where space_id = ? and status in ('APPLIED', 'AWAITING_PAYMENT', 'ACTIVE', 'GRACE') and id <> ?""",
				Integer.class, spaceId, leaseId == null ? -1L : leaseId) > 0 || "LEASED".equals(status) || "SOLD".equals(status)) {
			throw new ConflictException("车位 " + number + " 已出租或已售，请另选车位");
		}
		if ("RESERVED".equals(status) && !waitlist.offeredTo(unitId, spaceId)) {
			throw new ConflictException("车位 " + number + " 已为候补的业主保留，请另选车位");
		}
		if ("VACANT".equals(status) && !owner && waitlist.ownersWaiting()) {
			throw new ConflictException("尚有业主在候补车位，业主优先（民法典第二百七十六条），租户暂不能租用空闲车位");
		}
	}

	private Map<String, Object> space(String spaceNumber) {
		if (spaceNumber == null || spaceNumber.isBlank()) {
			throw new BadInputException("请填写车位编号，如 B1-023");
		}
		return jdbc.queryForList("select id, number, status from parking_space_state where number = ?",
				spaceNumber.strip().toUpperCase())
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("没有编号为“" + spaceNumber.strip() + "”的车位"));
	}

	private void check(Application application) {
		if (application.lesseeKind() == null) {
			throw new BadInputException("请选择承租人：业主或租户");
		}
		if (application.lesseeName() == null || application.lesseeName().isBlank()
				|| application.lesseeName().strip().length() > 50) {
			throw new BadInputException("请填写承租人姓名（最多 50 个字）");
		}
		if (!PhoneNumbers.isValid(application.lesseePhone())) {
			throw new BadInputException("承租人联系电话不正确（手机 11 位，或带区号的座机）");
		}
		if (application.startDate() == null || application.startDate().isBefore(LocalDate.now(clock))) {
			throw new BadInputException("请填写起租日，不能早于今天");
		}
		requireMonths(application.months());
		if (application.paymentPlan() == null) {
			throw new BadInputException("请选择缴费方式：整个租期一次缴清或按月缴纳");
		}
	}

	private void requireMonths(Integer months) {
		if (months == null || months < 1 || months > properties.maxMonths()) {
			throw new BadInputException("租期须为 1 到 " + properties.maxMonths() + " 个月");
		}
	}

	private void requireOpen(Lease lease) {
		if (!lease.status().isOpen()) {
			throw new ConflictException("租赁 " + lease.leaseNumber() + " " + lease.status().label() + "，不能变更");
		}
	}

	/** The last day of a term of whole months from the start: the day before the start's day that many months on. */
	static LocalDate endOf(LocalDate start, int months) {
		return start.plusMonths(months).minusDays(1);
	}

	private static Lease lease(ResultSet rs, int row) throws SQLException {
		return new Lease(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
				LesseeKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
				rs.getDate(10).toLocalDate(), rs.getInt(11), rs.getDate(12).toLocalDate(), rs.getInt(13),
				rs.getBigDecimal(14), PaymentPlan.valueOf(rs.getString(15)), Status.valueOf(rs.getString(16)),
				rs.getString(17));
	}

}
