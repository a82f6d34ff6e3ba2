package cn.tianxiacheng.servicecenter.decoration;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * The decoration records as the process's delegates see and change them, found by the
 * decoration's number (the process's business key).
 */
@Service
class Decorations {

	/** A decoration as its delegates see it. */
	record Decoration(long id, String number, long unitId, String unitNumber, ApplicantRole applicantRole,
			Set<Scope> scope, DecorationStatus status, LocalDate plannedStart, LocalDate plannedEnd, LocalDate permitEnd,
			String permitNumber, String ownerConsent, String wasteRemoval, boolean agreementSigned,
			boolean completionApplied) {

		boolean needsOwnerConsent() {
			return applicantRole != ApplicantRole.OWNER;
		}

	}

	private static final String DECORATIONS = """
			select d.id, d.decoration_number, d.unit_id, u.unit_number, d.applicant_role, d.scope, d.status, d.planned_start,
			       d.planned_end, d.permit_end, d.permit_number, d.owner_consent, d.waste_removal, d.agreement_signed_at,
			       d.completion_applied_at
			  from decoration d join unit_address u on u.unit_id = d.unit_id where d.decoration_number = ?""";

	private static final RowMapper<Decoration> DECORATION = (rs, i) -> new Decoration(rs.getLong(1), rs.getString(2),
			rs.getLong(3), rs.getString(4), ApplicantRole.valueOf(rs.getString(5)), scope(rs.getString(6)),
			DecorationStatus.valueOf(rs.getString(7)), rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate(),
			rs.getDate(10) == null ? null : rs.getDate(10).toLocalDate(), rs.getString(11), rs.getString(12),
			rs.getString(13), rs.getTimestamp(14) != null, rs.getTimestamp(15) != null);

	private final JdbcTemplate jdbc;

	private final EstateRepository estates;

	private final NumberSeries numberSeries;

	private final Clock clock;

	Decorations(JdbcTemplate jdbc, EstateRepository estates, NumberSeries numberSeries, Clock clock) {
		this.jdbc = jdbc;
		this.estates = estates;
		this.numberSeries = numberSeries;
		this.clock = clock;
	}

	/** The decoration the system acts on, whichever estate's. */
	Decoration byNumber(String number) {
		return found(jdbc.query(DECORATIONS, DECORATION, number), number);
	}

	/** The decoration as staff of the estate see it: another estate's is unknown to them. */
	Decoration byNumber(String number, long estateId) {
		return found(jdbc.query(DECORATIONS + " and u.estate_id = ?", DECORATION, number, estateId), number);
	}

	private static Decoration found(List<Decoration> decorations, String number) {
		return decorations.stream().findFirst().orElseThrow(() -> new NotFoundException("没有装修申报 " + number));
	}

	void changeStatus(long id, DecorationStatus status) {
		jdbc.update("update decoration set status = ?, closed_at = ? where id = ?", status.name(),
				status.isOpen() ? null : Timestamp.from(clock.instant()), id);
	}

	void recordConsent(long id, boolean given, String by) {
		jdbc.update("update decoration set owner_consent = ?, owner_consent_by = ? where id = ?",
				given ? "GIVEN" : "REFUSED", by, id);
	}

	void recordRefusal(long id, String refusal) {
		jdbc.update("update decoration set refusal = ? where id = ?", refusal.length() <= 500 ? refusal : refusal.substring(0, 500),
				id);
		changeStatus(id, DecorationStatus.REFUSED);
	}

	void recordEngineeringReview(long id, String decision, String conditions, String by) {
		jdbc.update("update decoration set engineering_decision = ?, engineering_conditions = ?, engineering_by = ? where id = ?",
				decision, conditions, by, id);
	}

	void recordManagerApproval(long id, String decision, String by) {
		jdbc.update("update decoration set manager_decision = ?, manager_by = ? where id = ?", decision, by, id);
	}

	void recordAgreement(long id, String permittedHours, String wasteRemoval, String by) {
		jdbc.update("""
				update decoration set permitted_hours = ?, waste_removal = ?, agreement_signed_by = ?, agreement_signed_at = ?
				 where id = ?""", permittedHours, wasteRemoval, by, Timestamp.from(clock.instant()), id);
	}

	/**
	 * Numbers the permit in the unit's estate ({@code TXC-XK2026-0001}) and a pass per worker
	 * ({@code TXC-XK2026-0001-01}); the works may start.
	 */
	String issuePermit(Decoration decoration) {
		String permitNumber = numberSeries.next(estates.findByUnitId(decoration.unitId()).orElseThrow().getCode(),
				"XK" + LocalDate.now(clock).getYear(), 4);
		jdbc.update("""
				update decoration set permit_number = ?, permit_issued_at = ?, permit_end = planned_end, status = ?
				 where id = ?""", permitNumber, Timestamp.from(clock.instant()), DecorationStatus.IN_PROGRESS.name(),
				decoration.id());
		List<Long> workers = jdbc.queryForList("select id from decoration_worker where decoration_id = ? order by id",
				Long.class, decoration.id());
		for (int i = 0; i < workers.size(); i++) {
			jdbc.update("update decoration_worker set pass_number = ? where id = ?", "%s-%02d".formatted(permitNumber, i + 1),
					workers.get(i));
		}
		return permitNumber;
	}

	int workerCount(long id) {
		return jdbc.queryForObject("select count(*) from decoration_worker where decoration_id = ?", Integer.class, id);
	}

	void extendPermit(long id, LocalDate end) {
		jdbc.update("update decoration set permit_end = ? where id = ?", Date.valueOf(end), id);
	}

	/** The works wait for the acceptance (or continue after a failed one: then the owner applies again). */
	void markCompletionApplied(long id, boolean applied) {
		jdbc.update("update decoration set completion_applied_at = ? where id = ?",
				applied ? Timestamp.from(clock.instant()) : null, id);
	}

	void recordAcceptance(long id, boolean passed, String defects, String by, LocalDate holdUntil) {
		jdbc.update("insert into decoration_acceptance (decoration_id, result, defects, inspected_by, inspected_at) values (?, ?, ?, ?, ?)",
				id, passed ? "PASSED" : "FAILED", defects, by, Timestamp.from(clock.instant()));
		if (passed) {
			jdbc.update("update decoration set status = ?, accepted_on = ?, hold_until = ? where id = ?",
					DecorationStatus.ACCEPTED.name(), Date.valueOf(LocalDate.now(clock)), Date.valueOf(holdUntil), id);
		}
		else {
			markCompletionApplied(id, false);
		}
	}

	/** While a serious violation is open the works stay stopped; once none is, they resume. */
	void stopOrResumeWorks(long id) {
		boolean stop = jdbc.queryForObject("""
				select count(*) from decoration_violation where decoration_id = ? and serious and status in ('REPORTED', 'OPEN')""",
				Integer.class, id) > 0;
		jdbc.update("update decoration set status = ? where id = ? and status in (?, ?)",
				(stop ? DecorationStatus.STOPPED : DecorationStatus.IN_PROGRESS).name(), id,
				DecorationStatus.IN_PROGRESS.name(), DecorationStatus.STOPPED.name());
	}

	static Set<Scope> scope(String names) {
		return names == null || names.isBlank() ? EnumSet.noneOf(Scope.class)
				: Arrays.stream(names.split(",")).map(Scope::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
	}

	static String scopeNames(Set<Scope> scope) {
		return scope.stream().sorted().map(Scope::name).collect(Collectors.joining(","));
	}

}
