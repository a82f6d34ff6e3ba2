package cn.tianxiacheng.servicecenter.movein;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives.Document;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.casework.CaseIntake;
import cn.tianxiacheng.servicecenter.casework.CaseType;
import cn.tianxiacheng.servicecenter.casework.Channel;
import cn.tianxiacheng.servicecenter.casework.Urgency;
import cn.tianxiacheng.servicecenter.estate.Households.NewMember;
import cn.tianxiacheng.servicecenter.estate.Households.NewOwner;
import cn.tianxiacheng.servicecenter.estate.Households.NewVehicle;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.IdNumbers;
import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.estate.UnitStatus;
import cn.tianxiacheng.servicecenter.fee.MeterReadings;
import cn.tianxiacheng.servicecenter.movein.MoveInProcess.Var;
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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;

/**
 * 入伙登记: records the owners, household and vehicles of a move-in (their ID numbers and phones
 * stay here) and starts {@code MoveInProcess}, which carries the record's id; at its end the
 * household moves in through the estate, with its first meter readings, repair cases for the
 * defects and its owner archive.
 */
@Service
class MoveIns {

	public enum Status {

		OPEN("办理中"), COMPLETED("已入伙"), REJECTED("未通过核验"), CANCELLED("已取消");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public record Person(String name, String relation, String idNumber, String phone) {
	}

	public record Vehicle(String plateNumber, String model, String color) {
	}

	public record Registration(String requestId, String unitNumber, String contractNumber, List<Person> owners,
			List<Person> members, List<Vehicle> vehicles) {
	}

	public record Registered(long moveInId, String caseNumber, String processInstanceId) {
	}

	/** A move-in as its process's delegates see it: found by the case number, the process's business key. */
	record MoveIn(long id, String caseNumber, long unitId, String unitNumber, long estateId, String contractNumber,
			Status status) {
	}

	private static final String MOVE_INS = """
			select m.id, m.case_number, m.unit_id, u.unit_number, u.estate_id, m.contract_number, m.status
			  from move_in m join unit_address u on u.unit_id = m.unit_id where m.case_number = ?""";

	private static final RowMapper<MoveIn> MOVE_IN = (rs, i) -> new MoveIn(rs.getLong(1), rs.getString(2), rs.getLong(3),
			rs.getString(4), rs.getLong(5), rs.getString(6), Status.valueOf(rs.getString(7)));

	private static final int MAX_NAME = 50;

	private static final int MAX_SHORT_TEXT = 50;

	/** A mainland plate: the province's character, the city's letter, 5 characters (6 for new energy). */
	private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}");

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert moveInInsert;

	private final UnitRepository units;

	private final NumberSeries numberSeries;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final MoveInProperties properties;

	private final Clock clock;

	private final RequestOnce requestOnce;

	private final Households households;

	private final OwnerArchives archives;

	private final MeterReadings meterReadings;

	private final CaseIntake caseIntake;

	MoveIns(JdbcTemplate jdbc, UnitRepository units, NumberSeries numberSeries, RuntimeService runtimeService,
			EngineAsSystem asSystem, MoveInProperties properties, Clock clock, RequestOnce requestOnce,
			Households households, OwnerArchives archives, MeterReadings meterReadings, CaseIntake caseIntake) {
		this.requestOnce = requestOnce;
		this.households = households;
		this.archives = archives;
		this.meterReadings = meterReadings;
		this.caseIntake = caseIntake;
		this.jdbc = jdbc;
		this.moveInInsert = new SimpleJdbcInsert(jdbc).withTableName("move_in").usingGeneratedKeyColumns("id");
		this.units = units;
		this.numberSeries = numberSeries;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.properties = properties;
		this.clock = clock;
	}

	/** Records the move-in and starts its process as the system: the registration is checked here. */
	public Registered register(Registration registration, Staff registeredBy) {
		return requestOnce.apply(() -> registerOnce(registration, registeredBy));
	}

	private Registered registerOnce(Registration registration, Staff registeredBy) {
		registeredBy.require("只有接待员可以办理入伙登记", StaffGroup.RECEPTION);
		long estateId = registeredBy.estateId();
		Optional<Registered> earlier = requestOnce.earlier(registration.requestId(), """
				select m.id, m.case_number, m.process_instance_id from move_in m join unit_address u on u.unit_id = m.unit_id
				 where m.request_id = ? and u.estate_id = %d""".formatted(estateId),
				(rs, i) -> new Registered(rs.getLong(1), rs.getString(2), rs.getString(3)));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		check(registration);
		Unit unit = units.findByBuildingEstateIdAndNumber(estateId, registration.unitNumber().strip())
			.orElseThrow(() -> new BusinessRuleException("没有房号为“" + registration.unitNumber() + "”的房屋"));
		if (unit.getStatus() == UnitStatus.OCCUPIED) {
			throw new ConflictException("房屋 " + unit.getNumber() + " 已入住，不能再办理入伙");
		}
		if (jdbc.queryForObject("select count(*) from move_in where unit_id = ? and status = 'OPEN'", Integer.class,
				unit.getId()) > 0) {
			throw new ConflictException("房屋 " + unit.getNumber() + " 已有一份正在办理的入伙手续");
		}
		for (Vehicle vehicle : vehiclesOf(registration)) {
			if (plateIsTaken(vehicle.plateNumber())) {
				throw new ConflictException("车牌 " + vehicle.plateNumber() + " 已登记在其他房屋或另一份入伙手续中");
			}
		}
		String caseNumber = numberSeries.nextOfDay(unit.getBuilding().getEstate().getCode(), "RH");
		Map<String, Object> row = new HashMap<>();
		row.put("case_number", caseNumber);
		row.put("request_id", registration.requestId());
		row.put("unit_id", unit.getId());
		row.put("contract_number", registration.contractNumber());
		row.put("status", Status.OPEN.name());
		row.put("registered_by", registeredBy.id());
		row.put("registered_at", Timestamp.from(clock.instant()));
		long moveInId = moveInInsert.executeAndReturnKey(row).longValue();
		for (Person owner : registration.owners()) {
			insertPerson(moveInId, "OWNER", owner);
		}
		for (Person member : membersOf(registration)) {
			insertPerson(moveInId, "MEMBER", member);
		}
		for (Vehicle vehicle : vehiclesOf(registration)) {
			jdbc.update("insert into move_in_vehicle (move_in_id, plate_number, model, color) values (?, ?, ?, ?)",
					moveInId, vehicle.plateNumber(), vehicle.model(), vehicle.color());
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.MOVE_IN_ID, moveInId);
		variables.put(Var.CASE_NUMBER, caseNumber);
		variables.put(Var.UNIT_ID, unit.getId());
		variables.put(Var.UNIT_NUMBER, unit.getNumber());
		ProcessInstance instance = asSystem
			.call(() -> runtimeService.startProcessInstanceByKey(MoveInProcess.KEY, caseNumber, variables));
		jdbc.update("update move_in set process_instance_id = ? where id = ?", instance.getId(), moveInId);
		return new Registered(moveInId, caseNumber, instance.getId());
	}

	/** The move-in the system acts on, whichever estate's. */
	MoveIn byCaseNumber(String caseNumber) {
		return found(jdbc.query(MOVE_INS, MOVE_IN, caseNumber), caseNumber);
	}

	/** The move-in as staff of the estate see it: another estate's is unknown to them. */
	MoveIn byCaseNumber(String caseNumber, long estateId) {
		return found(jdbc.query(MOVE_INS + " and u.estate_id = ?", MOVE_IN, caseNumber, estateId), caseNumber);
	}

	private static MoveIn found(List<MoveIn> moveIns, String caseNumber) {
		return moveIns.stream().findFirst().orElseThrow(() -> new NotFoundException("没有入伙手续 " + caseNumber));
	}

	/** The move-in its process may still complete: one that is open. */
	MoveIn open(String caseNumber) {
		MoveIn moveIn = byCaseNumber(caseNumber);
		if (moveIn.status() != Status.OPEN) {
			throw new IllegalStateException("入伙手续 " + moveIn.caseNumber() + " 已是 " + moveIn.status() + "，不能再办结");
		}
		return moveIn;
	}

	/**
	 * 建立业主档案、登记入住: the owners, household and vehicles become the unit's (through the
	 * estate), the meter readings (by meter, as entered) are its first, every defect becomes a
	 * repair case for engineering, and the owner archive is created. Returns the repair cases
	 * opened.
	 */
	int complete(MoveIn moveIn, Map<String, String> readings, List<String> defects) {
		LocalDate today = LocalDate.now(clock);
		List<Person> owners = people(moveIn.id(), "OWNER");
		households.moveIn(moveIn.unitId(), today,
				owners.stream().map(o -> new NewOwner(o.name(), o.idNumber(), o.phone())).toList(),
				people(moveIn.id(), "MEMBER")
					.stream()
					.map(m -> new NewMember(m.name(), m.relation(), m.idNumber(), m.phone()))
					.toList(),
				vehicles(moveIn.id())
					.stream()
					.map(v -> new NewVehicle(v.plateNumber(), v.model(), v.color()))
					.toList());
		readings.forEach((meter, reading) -> meterReadings.record(moveIn.unitId(), meter,
				new BigDecimal(reading), today, moveIn.caseNumber()));
		String ownerNames = owners.stream().map(Person::name).collect(Collectors.joining("、"));
		for (int i = 0; i < defects.size(); i++) {
			caseIntake.registerForSystem(new CaseIntake.Registration(moveIn.caseNumber() + "-" + i,
					CaseType.SERVICE_REQUEST, moveIn.unitNumber(), ownerNames, null, Channel.VISIT, "房屋质量", Urgency.NORMAL,
					"入伙验房发现：" + defects.get(i)), moveIn.estateId());
		}
		String cabinet = "档案室 " + moveIn.unitNumber().split("-")[0] + " 号柜";
		archives.create(moveIn.unitId(), moveIn.unitNumber(), moveIn.id(),
				List.of(new Document("身份证", owners.get(0).idNumber(), today, cabinet),
						new Document("购房合同", moveIn.contractNumber(), today, cabinet),
						new Document("入伙通知书", moveIn.caseNumber(), today, cabinet),
						new Document("管理规约（已签署）", null, today, cabinet),
						new Document("前期物业服务协议（已签署）", null, today, cabinet),
						new Document("装修须知（已签署）", null, today, cabinet)),
				moveIn.caseNumber());
		changeStatus(moveIn.id(), Status.COMPLETED);
		return defects.size();
	}

	void changeStatus(long moveInId, Status status) {
		jdbc.update("update move_in set status = ?, completed_at = ? where id = ?", status.name(),
				status == Status.OPEN ? null : Timestamp.from(clock.instant()), moveInId);
	}

	List<Person> people(long moveInId, String role) {
		return jdbc.query("select name, relation, id_number, phone from move_in_person where move_in_id = ? and role = ? order by id",
				(rs, i) -> new Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), moveInId, role);
	}

	List<Vehicle> vehicles(long moveInId) {
		return jdbc.query("select plate_number, model, color from move_in_vehicle where move_in_id = ? order by id",
				(rs, i) -> new Vehicle(rs.getString(1), rs.getString(2), rs.getString(3)), moveInId);
	}

	/**
	 * Refuses (400, naming what is wrong) a registration that would break the move-in later:
	 * every owner with a name, a valid ID number and a phone; members and vehicles well formed;
	 * no plate twice.
	 */
	private static void check(Registration registration) {
		require(registration.unitNumber() != null && !registration.unitNumber().isBlank(), "请填写房号");
		require(registration.contractNumber() == null || registration.contractNumber().length() <= MAX_SHORT_TEXT,
				"购房合同编号最多 " + MAX_SHORT_TEXT + " 个字");
		require(registration.owners() != null && !registration.owners().isEmpty(), "请至少登记一位业主");
		for (Person owner : registration.owners()) {
			require(owner != null, "业主信息不能为空");
			checkName(owner.name(), "业主");
			require(IdNumbers.isValid(owner.idNumber()), "业主“" + owner.name() + "”的身份证号不正确（18 位，末位校验码须正确）");
			require(PhoneNumbers.isValid(owner.phone()), "业主“" + owner.name() + "”的联系电话不正确（手机 11 位，或带区号的座机）");
		}
		for (Person member : membersOf(registration)) {
			require(member != null, "住户信息不能为空");
			checkName(member.name(), "住户");
			require(member.relation() == null || member.relation().length() <= MAX_SHORT_TEXT,
					"住户“" + member.name() + "”的关系最多 " + MAX_SHORT_TEXT + " 个字");
			require(member.idNumber() == null || member.idNumber().isBlank() || IdNumbers.isValid(member.idNumber()),
					"住户“" + member.name() + "”的身份证号不正确");
			require(member.phone() == null || member.phone().isBlank() || PhoneNumbers.isValid(member.phone()),
					"住户“" + member.name() + "”的联系电话不正确");
		}
		Set<String> plates = new HashSet<>();
		for (Vehicle vehicle : vehiclesOf(registration)) {
			require(vehicle != null && vehicle.plateNumber() != null && PLATE.matcher(vehicle.plateNumber()).matches(),
					"车牌号不正确，如 冀A12345 或新能源 冀AD12345");
			require(plates.add(vehicle.plateNumber()), "车牌 " + vehicle.plateNumber() + " 填写了两次");
			require(length(vehicle.model()) <= MAX_SHORT_TEXT && length(vehicle.color()) <= MAX_SHORT_TEXT,
					"车型、颜色最多 " + MAX_SHORT_TEXT + " 个字");
		}
	}

	private static void checkName(String name, String who) {
		require(name != null && !name.isBlank(), who + "姓名不能为空");
		require(name.strip().length() <= MAX_NAME, who + "姓名最多 " + MAX_NAME + " 个字");
	}

	private static void require(boolean condition, String refusal) {
		if (!condition) {
			throw new BadInputException(refusal);
		}
	}

	private static int length(String text) {
		return text == null ? 0 : text.length();
	}

	private static List<Person> membersOf(Registration registration) {
		return registration.members() == null ? List.of() : registration.members();
	}

	private static List<Vehicle> vehiclesOf(Registration registration) {
		return registration.vehicles() == null ? List.of() : registration.vehicles();
	}

	/** A plate is the household's only: not on another unit, not in another open move-in. */
	private boolean plateIsTaken(String plate) {
		return units.existsByVehiclesPlateNumber(plate) || jdbc.queryForObject("""
				select count(*) from move_in_vehicle v join move_in m on m.id = v.move_in_id
				 where v.plate_number = ? and m.status = 'OPEN'""", Integer.class, plate) > 0;
	}

	private void insertPerson(long moveInId, String role, Person person) {
		jdbc.update("insert into move_in_person (move_in_id, role, name, relation, id_number, phone) values (?, ?, ?, ?, ?, ?)",
				moveInId, role, person.name().strip(), person.relation(), person.idNumber(), person.phone());
	}

	/** Whether the home is a vacant one of the estate's, with no move-in under way. */
	boolean mayMoveInto(String unitNumber, long estateId) {
		return jdbc.queryForObject("""
				select count(*) from unit_address a where a.unit_number = ? and a.estate_id = ? and a.unit_status = 'VACANT'
				   and not exists (select 1 from move_in m where m.unit_id = a.unit_id and m.status = 'OPEN')""",
				Integer.class, unitNumber, estateId) > 0;
	}

}
