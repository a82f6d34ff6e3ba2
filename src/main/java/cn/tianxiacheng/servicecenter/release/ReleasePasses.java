package cn.tianxiacheng.servicecenter.release;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.IdNumbers;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.journal.Intake.FirstStep;
import cn.tianxiacheng.servicecenter.journal.Intake;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.system.ApproverGroups;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 物品放行手续: the request for a pass (its applicant's phone and an agent's ID number stay in
 * this table), the decisions of its process, revocation, and the passes of a unit.
 */
@Service
class ReleasePasses {

	enum ApplicantKind {

		OWNER("业主"), TENANT("租户"), AGENT("代办人");

		private final String label;

		ApplicantKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	enum Status {

		REQUESTED("审核中"), ISSUED("已签发，待出门"), USED("已放行"), REFUSED("不予放行"), REFUSED_AT_GATE("门岗拒绝放行"),
		EXPIRED("已过期"), REVOKED("已作废");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	record Item(String name, Integer quantity, String note) {
	}

	record Request(String requestId, String unitNumber, ApplicantKind applicantKind, String applicantName,
			String applicantPhone, String agentIdNumber, String agentCompany, boolean moveOut, List<Item> items,
			LocalDateTime validFrom, LocalDateTime validTo, String vehiclePlate, String gate) {
	}

	record Registered(String passNumber, String processInstanceId, Status status) {
	}

	record Pass(long id, String passNumber, long unitId, String unitNumber, ApplicantKind applicantKind,
			String applicantName, String applicantPhone, String agentIdNumber, String agentCompany, boolean moveOut,
			String vehiclePlate, String gate, Instant validFrom, Instant validTo, Status status,
			String ownerConfirmation, String reviewResult, Boolean managerApproved, String closingReason,
			String requestedBy, Instant requestedAt, Instant issuedAt, Instant closedAt, String processInstanceId) {

		String applicantLabel(PersonalDataMask mask) {
			return applicantKind.label() + " " + mask.name(applicantName)
					+ (agentCompany == null || agentCompany.isBlank() ? "" : "（" + agentCompany + "）");
		}

	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}");

	private static final int MAX_ITEMS = 20;

	private static final String SELECT = """
			select p.id, p.pass_number, p.unit_id, u.unit_number, p.applicant_kind, p.applicant_name, p.applicant_phone,
			       p.agent_id_number, p.agent_company, p.move_out, p.vehicle_plate, p.gate, p.valid_from, p.valid_to,
			       p.status, p.owner_confirmation, p.review_result, p.manager_approved, p.closing_reason,
			       p.requested_by, p.requested_at, p.issued_at, p.closed_at, p.process_instance_id
			  from release_pass p join unit_address u on u.unit_id = p.unit_id""";

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert passInsert;

	private final UnitRepository units;

	private final NumberSeries numberSeries;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final PassJournal journal;

	private final Intake intake;

	private final ReleaseProperties properties;

	private final PassGates gates;

	private final Clock clock;

	private final RequestOnce requestOnce;

	private final ApproverGroups approverGroups;

	ReleasePasses(JdbcTemplate jdbc, UnitRepository units, NumberSeries numberSeries, RuntimeService runtimeService,
			EngineAsSystem asSystem, PassJournal journal, ReleaseProperties properties, PassGates gates, Clock clock,
			RequestOnce requestOnce, ApproverGroups approverGroups, Intake intake) {
		this.requestOnce = requestOnce;
		this.approverGroups = approverGroups;
		this.jdbc = jdbc;
		this.passInsert = new SimpleJdbcInsert(jdbc).withTableName("release_pass").usingGeneratedKeyColumns("id");
		this.units = units;
		this.numberSeries = numberSeries;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.journal = journal;
		this.properties = properties;
		this.gates = gates;
		this.clock = clock;
		this.intake = intake;
	}

	/**
	 * Records the request and starts its process as the system (the request is checked here), or
	 * returns the pass of an earlier request with the same id.
	 */
	public Registered request(Request request, Staff staff) {
		return requestOnce.apply(() -> recordRequest(request, staff));
	}

	private Registered recordRequest(Request request, Staff staff) {
		staff.require("只有接待员或经理可以受理物品放行", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		Optional<Registered> earlier = requestOnce.earlier(request.requestId(),
				"select p.pass_number, p.process_instance_id, p.status from release_pass p"
						+ " join unit_address u on u.unit_id = p.unit_id where p.request_id = ? and u.estate_id = "
						+ staff.estateId(),
				(rs, i) -> new Registered(rs.getString(1), rs.getString(2), Status.valueOf(rs.getString(3))));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		check(request, staff);
		Unit unit = jdbc.queryForList("select unit_id from unit_address where unit_number = ? and estate_id = ?",
				Long.class, request.unitNumber().strip(), staff.estateId())
			.stream()
			.findFirst()
			.flatMap(units::findById)
			.orElseThrow(() -> new BusinessRuleException(
					"没有房号为“" + request.unitNumber().strip() + "”的房屋，请按 楼栋-单元-房号 填写，如 3-2-1501"));
		String applicant = request.applicantName().strip();
		checkApplicant(unit, request.applicantKind(), applicant);
		String reviewGroup = approverGroups.approving(StaffGroup.RECEPTION, StaffGroup.MANAGER, staff);
		// only a move-out can come to the manager's decision
		String moveOutGroup = request.moveOut() ? approverGroups.approving(StaffGroup.MANAGER, StaffGroup.DIRECTOR, staff)
				: null;
		Instant from = request.validFrom().atZone(clock.getZone()).toInstant();
		Instant to = request.validTo().atZone(clock.getZone()).toInstant();
		String passNumber = numberSeries.nextOfDay(unit.getBuilding().getEstate().getCode(), "FX");
		Map<String, Object> row = new HashMap<>();
		row.put("pass_number", passNumber);
		row.put("request_id", request.requestId());
		row.put("unit_id", unit.getId());
		row.put("applicant_kind", request.applicantKind().name());
		row.put("applicant_name", applicant);
		row.put("applicant_phone", request.applicantPhone().strip());
		row.put("agent_id_number", request.applicantKind() == ApplicantKind.AGENT
				? request.agentIdNumber().strip().toUpperCase() : null);
		row.put("agent_company", blankToNull(request.agentCompany()));
		row.put("move_out", request.moveOut());
		row.put("vehicle_plate", blankToNull(request.vehiclePlate()));
		row.put("gate", request.gate());
		row.put("valid_from", Timestamp.from(from));
		row.put("valid_to", Timestamp.from(to));
		row.put("status", Status.REQUESTED.name());
		row.put("requested_by", staff.id());
		row.put("requested_at", Timestamp.from(clock.instant()));
		long passId = passInsert.executeAndReturnKey(row).longValue();
		for (int i = 0; i < request.items().size(); i++) {
			Item item = request.items().get(i);
			jdbc.update("insert into release_item (pass_id, line_number, name, quantity, note) values (?, ?, ?, ?, ?)",
					passId, i + 1, item.name().strip(), item.quantity(), blankToNull(item.note()));
		}
		Pass pass = byId(passId);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CASE_NUMBER, passNumber);
		variables.put(Var.UNIT_ID, unit.getId());
		variables.put(Var.UNIT_NUMBER, unit.getNumber());
		variables.put(Var.CATEGORY, request.moveOut() ? "物品放行（整户搬离）" : "物品放行");
		variables.put(Var.URGENCY_LABEL, "一般");
		variables.put(Var.APPLICANT_KIND, request.applicantKind().name());
		variables.put(Var.APPLICANT_LABEL, pass.applicantLabel(PersonalDataMask.MASKED));
		variables.put(Var.ITEMS, itemsSummary(items(passId)));
		variables.put(Var.WINDOW, window(pass));
		variables.put(Var.GATE, request.gate());
		variables.put(Var.MOVE_OUT, request.moveOut());
		variables.put(Var.VALID_TO, to.toString());
		variables.put(Var.REQUESTED_BY, staff.id());
		variables.put(Var.REVIEW_GROUP, reviewGroup);
		if (moveOutGroup != null) {
			variables.put(Var.MOVE_OUT_GROUP, moveOutGroup);
		}
		String processInstanceId = intake.start(GoodsReleaseProcess.KEY, passNumber, variables, journal, passId,
				new FirstStep("受理放行申请（" + request.applicantKind().label() + "）", staff.id(), null));
		jdbc.update("update release_pass set process_instance_id = ? where id = ?", processInstanceId, passId);
		return new Registered(passNumber, processInstanceId, Status.REQUESTED);
	}

	/** Reception or the manager revokes an issued pass: it is refused at the gate from now on. */
	@Transactional
	public Pass revoke(String passNumber, String reason, Staff staff) {
		staff.require("只有接待员或经理可以作废放行条", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
			throw new BadInputException("请填写作废原因（最多 200 个字）");
		}
		Pass pass = byNumber(staff.estateId(), passNumber);
		if (jdbc.update("""
				update release_pass set status = 'REVOKED', closing_reason = ?, closed_at = ?
				 where id = ? and status = 'ISSUED'""", reason.strip(), Timestamp.from(clock.instant()), pass.id()) == 0) {
			throw new ConflictException("放行条 " + passNumber + " " + pass.status().label() + "，不能作废");
		}
		journal.record(pass.id(), "作废放行条", staff.id(), reason.strip());
		asSystem.run(() -> runtimeService.createMessageCorrelation(GoodsReleaseProcess.PASS_REVOKED)
			.processInstanceBusinessKey(passNumber)
			.correlate());
		return byId(pass.id());
	}

	/** The pass the system acts on, whichever estate's. */
	Pass byNumber(String passNumber) {
		return jdbc.query(SELECT + " where p.pass_number = ?", ReleasePasses::pass, passNumber)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有编号为 " + passNumber + " 的放行条"));
	}

	Pass byNumber(long estateId, String passNumber) {
		return jdbc.query(SELECT + " where p.pass_number = ? and u.estate_id = ?", ReleasePasses::pass, passNumber,
				estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("没有编号为 " + passNumber + " 的放行条"));
	}

	Pass byId(long passId) {
		return jdbc.query(SELECT + " where p.id = ?", ReleasePasses::pass, passId).stream().findFirst().orElseThrow();
	}

	/** The passes of a unit, or the latest of all units of the estate, newest first. */
	List<Pass> list(long estateId, Long unitId, int limit) {
		return unitId == null
				? jdbc.query(SELECT + " where u.estate_id = ? order by p.id desc fetch first %d rows only".formatted(limit),
						ReleasePasses::pass, estateId)
				: jdbc.query(SELECT + " where u.estate_id = ? and p.unit_id = ? order by p.id desc fetch first %d rows only"
					.formatted(limit), ReleasePasses::pass, estateId, unitId);
	}

	List<Item> items(long passId) {
		return jdbc.query("select name, quantity, note from release_item where pass_id = ? order by line_number",
				(rs, i) -> new Item(rs.getString(1), rs.getInt(2), rs.getString(3)), passId);
	}

	void recordOwnerConfirmation(long passId, String confirmation) {
		jdbc.update("update release_pass set owner_confirmation = ? where id = ?", confirmation, passId);
	}

	void recordReview(long passId, String result) {
		jdbc.update("update release_pass set review_result = ? where id = ?", result, passId);
	}

	void recordManagerDecision(long passId, boolean approved) {
		jdbc.update("update release_pass set manager_approved = ? where id = ?", approved, passId);
	}

	void issue(long passId) {
		jdbc.update("update release_pass set status = 'ISSUED', issued_at = ? where id = ? and status = 'REQUESTED'",
				Timestamp.from(clock.instant()), passId);
	}

	void refuse(long passId, String reason) {
		jdbc.update("""
				update release_pass set status = 'REFUSED', closing_reason = ?, closed_at = ?
				 where id = ? and status = 'REQUESTED'""", reason, Timestamp.from(clock.instant()), passId);
	}

	/** The window ended with the pass unused. */
	boolean expire(long passId) {
		return jdbc.update("""
				update release_pass set status = 'EXPIRED', closing_reason = '放行时段已过，未使用', closed_at = ?
				 where id = ? and status = 'ISSUED'""", Timestamp.from(clock.instant()), passId) == 1;
	}

	String window(Pass pass) {
		String from = WHEN.format(pass.validFrom().atZone(clock.getZone()));
		String to = WHEN.format(pass.validTo().atZone(clock.getZone()));
		return from + " 至 " + (from.substring(0, 10).equals(to.substring(0, 10)) ? to.substring(11) : to);
	}

	static String itemsSummary(List<Item> items) {
		return items.stream().map(item -> item.name() + " ×" + item.quantity()).collect(Collectors.joining("、"));
	}

	/** Refuses (400, naming what is wrong) a request that could not be worked. */
	private void check(Request request, Staff staff) {
		require(request.unitNumber() != null && !request.unitNumber().isBlank(), "请填写房号");
		require(request.applicantKind() != null, "请选择申请人类型：业主、租户或代办人");
		require(request.applicantName() != null && !request.applicantName().isBlank()
				&& request.applicantName().strip().length() <= 50, "请填写申请人姓名（最多 50 个字）");
		require(PhoneNumbers.isValid(request.applicantPhone()), "申请人联系电话不正确（手机 11 位，或带区号的座机）");
		if (request.applicantKind() == ApplicantKind.AGENT) {
			require(IdNumbers.isValid(request.agentIdNumber()), "代办人的身份证号不正确（18 位，末位校验码须正确）");
		}
		require(request.agentCompany() == null || request.agentCompany().strip().length() <= 100, "搬家公司名称最多 100 个字");
		require(request.items() != null && !request.items().isEmpty(), "请至少填写一项物品");
		require(request.items().size() <= MAX_ITEMS, "一张放行条最多 " + MAX_ITEMS + " 项物品");
		for (Item item : request.items()) {
			require(item != null && item.name() != null && !item.name().isBlank() && item.name().strip().length() <= 50,
					"物品名称不能为空，最多 50 个字");
			require(item.quantity() != null && item.quantity() >= 1 && item.quantity() <= 999,
					"物品“" + item.name().strip() + "”的数量须在 1 到 999 之间");
			require(item.note() == null || item.note().strip().length() <= 100, "物品备注最多 100 个字");
		}
		require(request.validFrom() != null && request.validTo() != null, "请填写放行时段的开始和结束时间");
		require(request.validTo().isAfter(request.validFrom()), "放行时段的结束时间必须晚于开始时间");
		require(request.validTo().isAfter(LocalDateTime.now(clock)), "放行时段已经结束，请重新选择时间");
		require(!request.validTo().isAfter(request.validFrom().plus(properties.maxWindow())),
				"放行时段最长 " + properties.maxWindow().toHours() + " 小时");
		List<String> ofEstate = gates.of(staff);
		require(request.gate() != null && ofEstate.contains(request.gate()), "请选择出门的大门：" + String.join("、", ofEstate));
		require(request.vehiclePlate() == null || request.vehiclePlate().isBlank()
				|| PLATE.matcher(request.vehiclePlate().strip()).matches(), "车牌号不正确，如 冀A12345 或新能源 冀AD12345");
	}

	/** An owner or a tenant applies in person: they must be the unit's. */
	private void checkApplicant(Unit unit, ApplicantKind kind, String name) {
		if (kind == ApplicantKind.OWNER && unit.getOwners().stream().noneMatch(owner -> owner.getName().equals(name))) {
			throw new BusinessRuleException("房屋 " + unit.getNumber() + " 的业主中没有“" + name + "”，请核对，或按代办人办理");
		}
		if (kind == ApplicantKind.TENANT
				&& unit.getTenants().stream().noneMatch(tenant -> tenant.getName().equals(name))) {
			throw new BusinessRuleException("房屋 " + unit.getNumber() + " 没有登记名为“" + name + "”的租户，请先登记租户");
		}
	}

	private static void require(boolean condition, String refusal) {
		if (!condition) {
			throw new BadInputException(refusal);
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static Pass pass(ResultSet rs, int row) throws SQLException {
		return new Pass(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
				ApplicantKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getString(12), instant(rs.getTimestamp(13)),
				instant(rs.getTimestamp(14)), Status.valueOf(rs.getString(15)), rs.getString(16), rs.getString(17),
				(Boolean) rs.getObject(18), rs.getString(19), rs.getString(20), instant(rs.getTimestamp(21)),
				instant(rs.getTimestamp(22)), instant(rs.getTimestamp(23)), rs.getString(24));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
