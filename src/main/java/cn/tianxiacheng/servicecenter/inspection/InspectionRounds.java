package cn.tianxiacheng.servicecenter.inspection;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.casework.CaseCategories;
import cn.tianxiacheng.servicecenter.casework.CaseIntake.Registration;
import cn.tianxiacheng.servicecenter.casework.CaseIntake;
import cn.tianxiacheng.servicecenter.casework.CaseType;
import cn.tianxiacheng.servicecenter.casework.Channel;
import cn.tianxiacheng.servicecenter.casework.Urgency;
import cn.tianxiacheng.servicecenter.inspection.InspectionRoundProcess.Var;
import cn.tianxiacheng.servicecenter.inspection.InspectionSchedule.Hours;
import cn.tianxiacheng.servicecenter.journal.Intake.FirstStep;
import cn.tianxiacheng.servicecenter.journal.Intake;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 巡查: the rounds of each active route, a morning and an afternoon a day, opened ahead by the
 * schedule; what the group on duty finds at each checkpoint, an abnormal point becoming a case
 * routed by {@code CaseRouting.dmn} at once (the checkpoint's category and unit, the guard's note);
 * a round closed by its walker, or missed when its time runs out.
 */
@Service
class InspectionRounds {

	private static final Logger log = LoggerFactory.getLogger(InspectionRounds.class);

	private static final String ROUNDS = """
			select r.id, r.round_number, r.route_id, t.name, t.duty_group, r.round_date, r.shift, r.starts_at, r.ends_at,
			       r.status, r.done_by, r.done_at,
			       (select count(*) from inspection_checkpoint c where c.route_id = r.route_id),
			       (select count(*) from inspection_record d where d.round_id = r.id),
			       (select count(*) from inspection_record d where d.round_id = r.id and d.result = 'ABNORMAL'),
			       r.estate_id
			  from inspection_round r join inspection_route t on t.id = r.route_id""";

	private final JdbcTemplate jdbc;

	private final InspectionSchedule schedule;

	private final CaseIntake caseIntake;

	private final StepJournal journal;

	private final Intake intake;

	private final StaffNames staffNames;

	private final Clock clock;

	private final EstateDirectory estates;

	private final EngineAsSystem asSystem;

	InspectionRounds(JdbcTemplate jdbc, InspectionSchedule schedule, CaseIntake caseIntake, StepJournal journal,
			StaffNames staffNames, Clock clock, Intake intake, EstateDirectory estates, EngineAsSystem asSystem) {
		this.estates = estates;
		this.asSystem = asSystem;
		this.jdbc = jdbc;
		this.schedule = schedule;
		this.caseIntake = caseIntake;
		this.journal = journal;
		this.staffNames = staffNames;
		this.clock = clock;
		this.intake = intake;
	}

	record Route(long id, String name, String dutyGroup, long estateId) {

		public String dutyGroupLabel() {
			return StaffGroup.labels(List.of(dutyGroup)).get(0);
		}

	}

	record Checkpoint(long id, int position, String name, String kind, String location, String checklist,
			String caseUnitNumber, String caseCategory) {

		public List<String> checklistItems() {
			return Arrays.stream(checklist.split("；")).map(String::strip).filter(item -> !item.isEmpty()).toList();
		}

	}

	record Round(long id, String number, long routeId, String routeName, String dutyGroup, LocalDate date, Shift shift,
			Instant startsAt, Instant endsAt, String status, String doneBy, Instant doneAt, int checkpoints,
			int recorded, int abnormal, long estateId) {

		/** Whether checkpoints may be recorded at this moment. */
		boolean isOpenAt(Instant now) {
			return "PLANNED".equals(status) && !now.isBefore(startsAt) && now.isBefore(endsAt);
		}

		public String statusLabel(Instant now) {
			return switch (status) {
				case "DONE" -> "已完成";
				case "MISSED" -> "漏巡";
				default -> now.isBefore(startsAt) ? "未开始" : now.isBefore(endsAt) ? "进行中" : "已逾期";
			};
		}

	}

	record Record(String result, String note, String caseNumber, String recordedBy, Instant recordedAt) {

		public boolean isAbnormal() {
			return "ABNORMAL".equals(result);
		}

	}

	record CheckpointView(Checkpoint checkpoint, Record record) {
	}

	/**
	 * The rounds of today and tomorrow that are not over and not yet opened, estate by estate, each
	 * round's process in its estate's tenant; returns how many were opened.
	 */
	@Transactional
	int openDue() {
		int opened = 0;
		for (EstateRef estate : estates.all()) {
			opened += asSystem.callIn(estate, () -> openDue(estate));
		}
		return opened;
	}

	private int openDue(EstateRef estate) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		int opened = 0;
		for (Route route : activeRoutes(estate.id())) {
			for (LocalDate day : List.of(today, today.plusDays(1))) {
				for (Shift shift : Shift.values()) {
					Hours hours = schedule.hours(shift);
					Instant endsAt = day.atTime(hours.end()).atZone(clock.getZone()).toInstant();
					if (endsAt.isAfter(now) && jdbc.queryForObject(
							"select count(*) from inspection_round where route_id = ? and round_date = ? and shift = ?",
							Integer.class, route.id(), Date.valueOf(day), shift.name()) == 0) {
						open(route, day, shift, hours);
						opened++;
					}
				}
			}
		}
		if (opened > 0) {
			log.info("Inspection schedule of estate {}: {} rounds opened", estate.code(), opened);
		}
		return opened;
	}

	/** Opens the round of the route on that day and shift, with its process; returns its number. */
	String open(Route route, LocalDate day, Shift shift, Hours hours) {
		String number = "XC-%s-%s-%02d".formatted(day.format(DateTimeFormatter.BASIC_ISO_DATE), shift.code(), route.id());
		int checkpoints = jdbc.queryForObject("select count(*) from inspection_checkpoint where route_id = ?",
				Integer.class, route.id());
		jdbc.update("""
				insert into inspection_round (round_number, route_id, round_date, shift, starts_at, ends_at, status, estate_id)
				values (?, ?, ?, ?, ?, ?, 'PLANNED', ?)""", number, route.id(), Date.valueOf(day), shift.name(),
				Timestamp.from(day.atTime(hours.start()).atZone(clock.getZone()).toInstant()),
				Timestamp.from(day.atTime(hours.end()).atZone(clock.getZone()).toInstant()), route.estateId());
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CASE_NUMBER, number);
		variables.put(Var.CATEGORY, "日常巡查 · " + shift.label());
		variables.put(Var.ROUTE_NAME, route.name());
		variables.put(Var.DUTY_GROUP, route.dutyGroup());
		variables.put(Var.ROUND_DATE, day.toString());
		variables.put(Var.START_TIME, hours.start().toString());
		variables.put(Var.END_TIME, hours.end().toString());
		variables.put(Var.CHECKPOINTS, checkpoints);
		variables.put(Var.DETAILS_PATH, "/rounds/" + number);
		String processInstanceId = intake.start(InspectionRoundProcess.KEY, number, variables, journal, number,
				new FirstStep("排定巡查（" + route.name() + "，" + shift.label() + "）", Staff.SYSTEM.id(), null));
		jdbc.update("update inspection_round set process_instance_id = ? where round_number = ?", processInstanceId,
				number);
		return number;
	}

	/**
	 * Records what the staff member on duty found at a checkpoint while the round runs; an abnormal
	 * point is registered as a service request case at once, routed by the case rules, and its
	 * number kept with the record.
	 */
	@Transactional
	Record record(String roundNumber, long checkpointId, boolean abnormal, String note, String category,
			Urgency urgency, Staff staff) {
		Round round = round(staff.estateId(), roundNumber);
		staff.require("只有" + StaffGroup.labels(List.of(round.dutyGroup())).get(0) + "的值班人员可以记录本次巡查",
				Arrays.stream(StaffGroup.values()).filter(g -> g.id().equals(round.dutyGroup())).toArray(StaffGroup[]::new));
		if (!round.isOpenAt(clock.instant())) {
			throw new BusinessRuleException("本次巡查" + round.statusLabel(clock.instant()) + "，不能再记录");
		}
		Checkpoint checkpoint = checkpoints(round.routeId()).stream()
			.filter(c -> c.id() == checkpointId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("本路线没有编号为 " + checkpointId + " 的巡查点"));
		String text = note == null ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw new BadInputException("情况说明最多 500 个字");
		}
		if (jdbc.queryForObject("select count(*) from inspection_record where round_id = ? and checkpoint_id = ?",
				Integer.class, round.id(), checkpointId) > 0) {
			throw new ConflictException("巡查点“" + checkpoint.name() + "”本次已记录过");
		}
		String caseNumber = null;
		if (abnormal) {
			if (text == null || text.isEmpty()) {
				throw new BadInputException("异常的巡查点请写明发现的情况");
			}
			if (!CaseCategories.ALL.contains(category)) {
				throw new BadInputException("请选择异常的类别，可选：" + String.join("、", CaseCategories.ALL));
			}
			caseNumber = caseIntake.registerForSystem(new Registration(roundNumber + "-" + checkpointId,
					CaseType.SERVICE_REQUEST, checkpoint.caseUnitNumber(), "巡查 " + staffNames.of(staff.id()), null,
					Channel.INSPECTION, category, urgency, "巡查发现（" + round.routeName() + " · " + checkpoint.name() + "，"
							+ checkpoint.location() + "）：" + text),
					round.estateId()).getCaseNumber();
		}
		Instant now = clock.instant();
		jdbc.update("""
				insert into inspection_record (round_id, checkpoint_id, result, note, case_number, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)""", round.id(), checkpointId, abnormal ? "ABNORMAL" : "NORMAL",
				text == null || text.isEmpty() ? null : text, caseNumber, staff.id(), Timestamp.from(now));
		return new Record(abnormal ? "ABNORMAL" : "NORMAL", text, caseNumber, staff.id(), now);
	}

	/** How many checkpoints of the round are still to be recorded. */
	int unrecorded(String roundNumber) {
		Round round = round(roundNumber);
		return round.checkpoints() - round.recorded();
	}

	void close(String roundNumber, String doneBy) {
		jdbc.update("update inspection_round set status = 'DONE', done_by = ?, done_at = ? where round_number = ?", doneBy,
				Timestamp.from(clock.instant()), roundNumber);
	}

	void missed(String roundNumber) {
		jdbc.update("update inspection_round set status = 'MISSED' where round_number = ? and status = 'PLANNED'",
				roundNumber);
	}

	/** The round the system acts on, whichever estate's. */
	Round round(String number) {
		return jdbc.query(ROUNDS + " where r.round_number = ?", this::toRound, number)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("巡查不存在：" + number));
	}

	Round round(long estateId, String number) {
		return jdbc.query(ROUNDS + " where r.round_number = ? and r.estate_id = ?", this::toRound, number, estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("巡查不存在：" + number));
	}

	List<Round> ofDay(long estateId, LocalDate day) {
		return jdbc.query(ROUNDS + " where r.round_date = ? and r.estate_id = ? order by t.name, r.shift desc",
				this::toRound, Date.valueOf(day), estateId);
	}

	/** The estate's active routes: the schedule opens their rounds. */
	private List<Route> activeRoutes(long estateId) {
		return jdbc.query("""
				select id, name, duty_group, estate_id from inspection_route
				 where active = true and estate_id = ? order by name""",
				(rs, i) -> new Route(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), estateId);
	}

	/** The estate's routes walked on a day: the active ones, and any other that had a round then. */
	List<Route> routesOf(long estateId, LocalDate day) {
		return jdbc.query("""
				select id, name, duty_group, estate_id from inspection_route
				 where estate_id = ?
				   and (active = true or id in (select route_id from inspection_round where round_date = ?)) order by name""",
				(rs, i) -> new Route(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)), estateId,
				Date.valueOf(day));
	}

	List<Checkpoint> checkpoints(long routeId) {
		return jdbc.query("""
				select id, position, name, kind, location, checklist, case_unit_number, case_category
				  from inspection_checkpoint where route_id = ? order by position""",
				(rs, i) -> new Checkpoint(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getString(8)),
				routeId);
	}

	/** The round's checkpoints, each with what was recorded at it, if anything. */
	List<CheckpointView> checkpointsOf(Round round) {
		Map<Long, Record> records = new HashMap<>();
		jdbc.query("""
				select checkpoint_id, result, note, case_number, recorded_by, recorded_at from inspection_record
				 where round_id = ?""", rs -> {
			records.put(rs.getLong(1), new Record(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()));
		}, round.id());
		return checkpoints(round.routeId()).stream().map(c -> new CheckpointView(c, records.get(c.id()))).toList();
	}

	private Round toRound(ResultSet rs, int row) throws SQLException {
		Timestamp doneAt = rs.getTimestamp(12);
		return new Round(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getDate(6).toLocalDate(), Shift.valueOf(rs.getString(7)), rs.getTimestamp(8).toInstant(),
				rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11),
				doneAt == null ? null : doneAt.toInstant(), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getLong(16));
	}

}
