package cn.tianxiacheng.servicecenter.parking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.fee.ParkingRent;
import cn.tianxiacheng.servicecenter.journal.Intake.FirstStep;
import cn.tianxiacheng.servicecenter.journal.Intake;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Lease;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.Status;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;

/**
 * The intake of a parking lease: the application checked here and recorded with its plates, its
 * process started, and reception's check of it against the space and plates taken meanwhile.
 */
@Service
class LeaseApplications {

	record Application(String requestId, String unitNumber, LesseeKind lesseeKind, String lesseeName,
			String lesseePhone, String spaceNumber, List<String> plates, LocalDate startDate, Integer months,
			PaymentPlan paymentPlan) {
	}

	record Registered(String leaseNumber, String processInstanceId, Status status) {
	}

	private final ParkingLeases leases;

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert leaseInsert;

	private final ParkingLessees lessees;

	private final ParkingRent rent;

	private final NumberSeries numberSeries;

	private final LeaseJournal journal;

	private final Intake intake;

	private final Clock clock;

	private final RequestOnce requestOnce;

	LeaseApplications(ParkingLeases leases, JdbcTemplate jdbc, ParkingLessees lessees, ParkingRent rent,
			NumberSeries numberSeries, LeaseJournal journal, Clock clock, RequestOnce requestOnce, Intake intake) {
		this.leases = leases;
		this.jdbc = jdbc;
		this.leaseInsert = new SimpleJdbcInsert(jdbc).withTableName("parking_lease").usingGeneratedKeyColumns("id");
		this.lessees = lessees;
		this.rent = rent;
		this.numberSeries = numberSeries;
		this.journal = journal;
		this.clock = clock;
		this.requestOnce = requestOnce;
		this.intake = intake;
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
				"select l.lease_number, l.process_instance_id, l.status from parking_lease l"
						+ " join unit_address u on u.unit_id = l.unit_id where l.request_id = ? and u.estate_id = "
						+ staff.estateId(),
				(rs, i) -> new Registered(rs.getString(1), rs.getString(2), Status.valueOf(rs.getString(3))));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		check(application);
		Unit unit = lessees.unit(staff.estateId(), application.unitNumber());
		String lessee = application.lesseeName().strip();
		boolean owner = application.lesseeKind() == LesseeKind.OWNER;
		lessees.requireOfUnit(unit, owner, lessee);
		Map<String, Object> space = leases.space(staff.estateId(), application.spaceNumber());
		long spaceId = ((Number) space.get("id")).longValue();
		leases.requireFreeFor(space, unit.getId(), owner, null);
		List<String> plates = lessees.requirePlates(unit, application.plates(), null);
		String leaseNumber = numberSeries.nextOfDay(unit.getBuilding().getEstate().getCode(), "CW");
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
		row.put("end_date", Date.valueOf(ParkingLeases.endOf(start, application.months())));
		row.put("billed_months", 0);
		row.put("monthly_rent", rent.monthlyRent(unit.getId(), start));
		row.put("payment_plan", application.paymentPlan().name());
		row.put("status", Status.APPLIED.name());
		row.put("applied_by", staff.id());
		row.put("applied_at", Timestamp.from(clock.instant()));
		long leaseId = leaseInsert.executeAndReturnKey(row).longValue();
		plates.forEach(plate -> jdbc.update("insert into parking_lease_plate (lease_id, plate_number) values (?, ?)",
				leaseId, plate));
		Lease lease = leases.byId(leaseId);
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
		String processInstanceId = intake.start(ParkingLeaseProcess.KEY, leaseNumber, variables, journal, leaseId,
				new FirstStep("受理车位租赁申请（" + application.lesseeKind().label() + "）", staff.id(), null));
		jdbc.update("update parking_lease set process_instance_id = ? where id = ?", processInstanceId, leaseId);
		return new Registered(leaseNumber, processInstanceId, Status.APPLIED);
	}

	/**
	 * Before the contract: the application may still be worked, or the reason it may not (the
	 * space or a plate was taken meanwhile).
	 */
	String refusalNow(Lease lease) {
		try {
			leases.requireFreeFor(leases.space(lease.estateId(), lease.spaceNumber()), lease.unitId(),
					lease.lesseeKind() == LesseeKind.OWNER, lease.id());
			lessees.requirePlates(lessees.unit(lease.estateId(), lease.unitNumber()), leases.plates(lease.id()), lease.id());
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
		leases.requireMonths(application.months());
		if (application.paymentPlan() == null) {
			throw new BadInputException("请选择缴费方式：整个租期一次缴清或按月缴纳");
		}
	}

}
