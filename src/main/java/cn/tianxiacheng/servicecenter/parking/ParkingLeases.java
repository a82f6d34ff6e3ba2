package cn.tianxiacheng.servicecenter.parking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.fee.ParkingRent;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 车位租赁: what a lease is and how it is found, and the rules its intake ({@link LeaseApplications}),
 * its process's steps ({@link LeaseProcessSteps}) and staff's changes ({@link LeaseChanges}) share:
 * whether a space is free for a lessee, its release to the waiting list, the term's months and end
 * date, and the rent billed through the fee engine.
 */
@Service
class ParkingLeases {

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

	record Lease(long id, String leaseNumber, long unitId, String unitNumber, LesseeKind lesseeKind,
			String lesseeName, String lesseePhone, long spaceId, String spaceNumber, LocalDate startDate, int months,
			LocalDate endDate, int billedMonths, BigDecimal monthlyRent, PaymentPlan paymentPlan, Status status,
			String processInstanceId, long estateId) {

		String termText() {
			return startDate + " 至 " + endDate + "，共 " + months + " 个月，月租 " + monthlyRent.toPlainString() + " 元，"
					+ paymentPlan.label();
		}

	}

	private static final String SELECT = """
			select l.id, l.lease_number, l.unit_id, u.unit_number, l.lessee_kind, l.lessee_name, l.lessee_phone, l.space_id,
			       s.number, l.start_date, l.months, l.end_date, l.billed_months, l.monthly_rent, l.payment_plan,
			       l.status, l.process_instance_id, u.estate_id
			  from parking_lease l join unit_address u on u.unit_id = l.unit_id join parking_space_state s on s.id = l.space_id""";

	private final JdbcTemplate jdbc;

	private final ParkingWaitlist waitlist;

	private final Households households;

	private final ParkingRent rent;

	private final ParkingProperties properties;

	ParkingLeases(JdbcTemplate jdbc, ParkingWaitlist waitlist, Households households, ParkingRent rent,
			ParkingProperties properties) {
		this.jdbc = jdbc;
		this.waitlist = waitlist;
		this.households = households;
		this.rent = rent;
		this.properties = properties;
	}

	/** The lease the system acts on, whichever estate's. */
	Lease byNumber(String leaseNumber) {
		return jdbc.query(SELECT + " where l.lease_number = ?", ParkingLeases::lease, leaseNumber)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有编号为 " + leaseNumber + " 的车位租赁"));
	}

	Lease byNumber(long estateId, String leaseNumber) {
		return jdbc.query(SELECT + " where l.lease_number = ? and u.estate_id = ?", ParkingLeases::lease, leaseNumber,
				estateId)
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

	/** The estate's leases of a status or all, the nearest end first. */
	List<Lease> list(long estateId, String where, Object... arguments) {
		Object[] withEstate = new Object[arguments.length + 1];
		withEstate[0] = estateId;
		System.arraycopy(arguments, 0, withEstate, 1, arguments.length);
		return jdbc.query(SELECT + " where u.estate_id = ? and " + where + " order by l.end_date, l.id",
				ParkingLeases::lease, withEstate);
	}

	/** Bills the rent of the lease months up to the given count, those not billed yet. */
	BigDecimal billThrough(Lease lease, int months, String by) {
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

	void releaseSpace(long spaceId) {
		households.freeSpace(spaceId, waitlist.offer(spaceId).isPresent());
	}

	void requireFreeFor(Map<String, Object> space, long unitId, boolean owner, Long leaseId) {
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
		if ("VACANT".equals(status) && !owner && waitlist.ownersWaiting(((Number) space.get("estate_id")).longValue())) {
			throw new ConflictException("尚有业主在候补车位，业主优先（民法典第二百七十六条），租户暂不能租用空闲车位");
		}
	}

	/** The estate's space of that number. */
	Map<String, Object> space(long estateId, String spaceNumber) {
		if (spaceNumber == null || spaceNumber.isBlank()) {
			throw new BadInputException("请填写车位编号，如 B1-023");
		}
		return jdbc.queryForList(
				"select id, number, status, estate_id from parking_space_state where number = ? and estate_id = ?",
				spaceNumber.strip().toUpperCase(), estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("没有编号为“" + spaceNumber.strip() + "”的车位"));
	}

	void requireMonths(Integer months) {
		if (months == null || months < 1 || months > properties.maxMonths()) {
			throw new BadInputException("租期须为 1 到 " + properties.maxMonths() + " 个月");
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
				rs.getString(17), rs.getLong(18));
	}

}
