package cn.tianxiacheng.servicecenter.assistance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Var;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.journal.Intake.FirstStep;
import cn.tianxiacheng.servicecenter.journal.Intake;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.system.ApproverGroups;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;

/**
 * 协助办理: an owner's request is registered with its number ({@code TXC-XZ-20260315-0001}) and its
 * process started, in one transaction; a certificate the records do not support is refused
 * before anything is created. A request id makes a retried registration return the first.
 */
@Service
class AssistanceRequests {

	private static final String COLUMNS = """
			select r.id, r.request_number, r.unit_id, u.unit_number, r.requester_name, r.kind, r.purpose, r.addressee,
			       r.details, r.status, r.requested_by, r.requested_at, r.process_instance_id, r.handed_over_at,
			       r.satisfaction
			  from assistance_request r join unit_address u on u.unit_id = r.unit_id""";

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert insert;

	private final UnitRepository units;

	private final CertificateDrafts drafts;

	private final NumberSeries numberSeries;

	private final StepJournal journal;

	private final Intake intake;

	private final Clock clock;

	private final RequestOnce requestOnce;

	private final ApproverGroups approverGroups;

	AssistanceRequests(JdbcTemplate jdbc, UnitRepository units, CertificateDrafts drafts, NumberSeries numberSeries,
			StepJournal journal, Clock clock, RequestOnce requestOnce, Intake intake, ApproverGroups approverGroups) {
		this.requestOnce = requestOnce;
		this.approverGroups = approverGroups;
		this.jdbc = jdbc;
		this.insert = new SimpleJdbcInsert(jdbc).withTableName("assistance_request").usingGeneratedKeyColumns("id");
		this.units = units;
		this.drafts = drafts;
		this.numberSeries = numberSeries;
		this.journal = journal;
		this.clock = clock;
		this.intake = intake;
	}

	record Registration(String requestId, String unitNumber, String ownerName, AssistanceKind kind,
			AssistancePurpose purpose, String addressee, String details) {
	}

	record Registered(String requestNumber, String processInstanceId) {
	}

	record Request(long id, String number, long unitId, String unitNumber, String requesterName, AssistanceKind kind,
			AssistancePurpose purpose, String addressee, String details, AssistanceStatus status, String requestedBy,
			Instant requestedAt, String processInstanceId, Instant handedOverAt, Integer satisfaction) {

		public String kindLabel() {
			return kind.label();
		}

		/** The same request with the requester's name as the viewer may see it. */
		Request withRequester(String name) {
			return new Request(id, number, unitId, unitNumber, name, kind, purpose, addressee, details, status,
					requestedBy, requestedAt, processInstanceId, handedOverAt, satisfaction);
		}

		public String purposeLabel() {
			return purpose.label();
		}

		public String statusLabel() {
			return status.label();
		}

	}

	/** Requests received in a month, certificates and help with documents apart: the spring peak shows. */
	record MonthCount(String month, int certificates, int documents) {

		public int total() {
			return certificates + documents;
		}

	}

	/**
	 * Registers the request and starts its process as the system, after checking the caller's
	 * role, the owner against the unit's records and, for a certificate, that the records show
	 * what it would certify.
	 */
	Registered register(Registration registration, Staff staff) {
		return requestOnce.apply(() -> registerOnce(registration, staff));
	}

	private Registered registerOnce(Registration registration, Staff staff) {
		staff.require("只有接待员或经理可以受理协助办理申请", StaffGroup.RECEPTION, StaffGroup.MANAGER);
		if (registration.requestId() != null) {
			List<Registered> earlier = jdbc.query(
					"""
							select r.request_number, r.process_instance_id from assistance_request r
							  join unit_address u on u.unit_id = r.unit_id where r.request_id = ? and u.estate_id = ?""",
					(rs, i) -> new Registered(rs.getString(1), rs.getString(2)), registration.requestId(),
					staff.estateId());
			if (!earlier.isEmpty()) {
				return earlier.get(0);
			}
		}
		Unit unit = jdbc.queryForList("select unit_id from unit_address where unit_number = ? and estate_id = ?",
				Long.class, registration.unitNumber().strip(), staff.estateId())
			.stream()
			.findFirst()
			.flatMap(units::findById)
			.orElseThrow(() -> new BusinessRuleException(
					"没有房号为“" + registration.unitNumber().strip() + "”的房屋，请按 楼栋-单元-房号 填写，如 3-2-1501"));
		String ownerName = registration.ownerName().strip();
		if (unit.getOwners().stream().noneMatch(owner -> owner.getName().equals(ownerName))) {
			throw new BusinessRuleException("房屋 " + unit.getNumber() + " 的业主中没有“" + ownerName + "”，请核对业主档案");
		}
		if (registration.kind().isCertificate()) {
			drafts.draft(registration.kind(), unit, ownerName, registration.purpose(), registration.addressee().strip());
		}
		else if (registration.details() == null || registration.details().isBlank()) {
			throw new BadInputException("请写明需要开发商提供哪些资料");
		}
		String approverGroup = approverGroups.approving(StaffGroup.MANAGER, StaffGroup.DIRECTOR, staff);
		String number = numberSeries.nextOfDay(unit.getBuilding().getEstate().getCode(), "XZ");
		Map<String, Object> row = new HashMap<>();
		row.put("request_number", number);
		row.put("request_id", registration.requestId());
		row.put("unit_id", unit.getId());
		row.put("requester_name", ownerName);
		row.put("kind", registration.kind().name());
		row.put("purpose", registration.purpose().name());
		row.put("addressee", registration.addressee().strip());
		row.put("details", registration.details() == null ? null : registration.details().strip());
		row.put("status", AssistanceStatus.OPEN.name());
		row.put("requested_by", staff.id());
		row.put("requested_at", Timestamp.from(clock.instant()));
		long id = insert.executeAndReturnKey(row).longValue();
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CASE_NUMBER, number);
		variables.put(Var.UNIT_NUMBER, unit.getNumber());
		variables.put(Var.CATEGORY, registration.kind().label());
		variables.put(Var.URGENCY_LABEL, "一般");
		variables.put(Var.KIND, registration.kind().name());
		variables.put(Var.PURPOSE, registration.purpose().label());
		variables.put(Var.ADDRESSEE, registration.addressee().strip());
		variables.put(Var.DETAILS, registration.details() == null ? "" : registration.details().strip());
		variables.put(Var.DETAILS_PATH, "/assistance/" + number);
		variables.put(Var.REQUESTED_BY, staff.id());
		variables.put(Var.APPROVER_GROUP, approverGroup);
		String processInstanceId = intake.start(AssistanceRequestProcess.KEY, number, variables, journal, number,
				new FirstStep("受理申请（" + registration.kind().label() + "）", staff.id(), null));
		jdbc.update("update assistance_request set process_instance_id = ? where id = ?", processInstanceId, id);
		return new Registered(number, processInstanceId);
	}

	/** The request the system acts on, whichever estate's. */
	Request byNumber(String number) {
		return jdbc.query(COLUMNS + " where r.request_number = ?", this::request, number)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("协助办理申请不存在：" + number));
	}

	Request byNumber(long estateId, String number) {
		return jdbc.query(COLUMNS + " where r.request_number = ? and u.estate_id = ?", this::request, number, estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("协助办理申请不存在：" + number));
	}

	/** The estate's latest requests, newest first. */
	List<Request> latest(long estateId, int limit) {
		return jdbc.query(COLUMNS + " where u.estate_id = ? order by r.id desc fetch first %d rows only".formatted(limit),
				this::request, estateId);
	}

	void changeStatus(String number, AssistanceStatus status) {
		jdbc.update("update assistance_request set status = ? where request_number = ?", status.name(), number);
	}

	void handedOver(String number) {
		jdbc.update("update assistance_request set status = ?, handed_over_at = ? where request_number = ?",
				AssistanceStatus.HANDED_OVER.name(), Timestamp.from(clock.instant()), number);
	}

	void closed(String number, Integer satisfaction) {
		jdbc.update("update assistance_request set status = ?, satisfaction = ? where request_number = ?",
				AssistanceStatus.CLOSED.name(), satisfaction, number);
	}

	/** The estate's requests per month over the last twelve months, this one included. */
	List<MonthCount> perMonth(long estateId) {
		YearMonth thisMonth = YearMonth.now(clock);
		YearMonth first = thisMonth.minusMonths(11);
		Map<String, int[]> counts = new HashMap<>();
		jdbc.query("""
				select r.requested_at, r.kind from assistance_request r join unit_address u on u.unit_id = r.unit_id
				 where r.requested_at >= ? and u.estate_id = ?""", rs -> {
			String month = YearMonth.from(rs.getTimestamp(1).toInstant().atZone(clock.getZone())).toString();
			int[] count = counts.computeIfAbsent(month, m -> new int[2]);
			count[AssistanceKind.valueOf(rs.getString(2)).isCertificate() ? 0 : 1]++;
		}, Timestamp.from(first.atDay(1).atStartOfDay(clock.getZone()).toInstant()), estateId);
		List<MonthCount> months = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(thisMonth); month = month.plusMonths(1)) {
			int[] count = counts.getOrDefault(month.toString(), new int[2]);
			months.add(new MonthCount(month.toString(), count[0], count[1]));
		}
		return months;
	}

	private Request request(ResultSet rs, int row) throws SQLException {
		Timestamp handedOver = rs.getTimestamp(14);
		return new Request(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				AssistanceKind.valueOf(rs.getString(6)), AssistancePurpose.valueOf(rs.getString(7)), rs.getString(8),
				rs.getString(9), AssistanceStatus.valueOf(rs.getString(10)), rs.getString(11),
				rs.getTimestamp(12).toInstant(), rs.getString(13), handedOver == null ? null : handedOver.toInstant(),
				rs.getObject(15, Integer.class));
	}

}
