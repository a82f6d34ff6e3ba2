package cn.tianxiacheng.servicecenter.assistance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 证明: drafted from the records, numbered ({@code TXC-ZM2026-000123}, one gapless series a year
 * in the unit's estate) and dated when the manager approves the seal, valid for a configured
 * period; checked by anyone with its number and verification code.
 */
@Service
class Certificates {

	private static final String COLUMNS = """
			select c.id, r.request_number, c.kind, c.unit_number, c.body, c.drafted_at, c.serial_number, c.issued_on,
			       c.valid_until, c.sealed_by, u.estate_id
			  from certificate c join assistance_request r on r.id = c.request_id
			  join unit_address u on u.unit_id = r.unit_id""";

	private final JdbcTemplate jdbc;

	private final NumberSeries numberSeries;

	private final VerificationCodes codes;

	private final Period validFor;

	private final EstateDirectory estates;

	private final Clock clock;

	Certificates(JdbcTemplate jdbc, NumberSeries numberSeries, VerificationCodes codes,
			AssistanceProperties properties, EstateDirectory estates, Clock clock) {
		this.estates = estates;
		this.jdbc = jdbc;
		this.numberSeries = numberSeries;
		this.codes = codes;
		this.validFor = properties.certificateValidFor();
		this.clock = clock;
	}

	record Certificate(long id, String requestNumber, AssistanceKind kind, String unitNumber, String body,
			Instant draftedAt, String serialNumber, LocalDate issuedOn, LocalDate validUntil, String sealedBy,
			long estateId) {

		public boolean isIssued() {
			return serialNumber != null;
		}

		public String kindLabel() {
			return kind.label();
		}

	}

	/** What the public check shows: the estate that issued it, no personal data. */
	record Check(String serialNumber, String kindLabel, String estateName, String unitNumber, LocalDate issuedOn,
			LocalDate validUntil, boolean valid) {
	}

	/** Keeps the draft of the request's certificate (a new draft replaces one not yet sealed). */
	void draft(String requestNumber, AssistanceKind kind, String unitNumber, String body) {
		jdbc.update("""
				delete from certificate where serial_number is null
				   and request_id = (select id from assistance_request where request_number = ?)""", requestNumber);
		jdbc.update("""
				insert into certificate (request_id, kind, unit_number, body, drafted_at)
				select id, ?, ?, ?, ? from assistance_request where request_number = ?""", kind.name(), unitNumber, body,
				Timestamp.from(clock.instant()), requestNumber);
	}

	/** Numbers and dates the drafted certificate (the manager approved its seal); refuses without a code key. */
	Certificate issue(String requestNumber, String sealedBy) {
		Certificate draft = ofRequest(requestNumber)
			.orElseThrow(() -> new IllegalStateException("申请 " + requestNumber + " 没有证明草稿"));
		if (draft.isIssued()) {
			return draft;
		}
		LocalDate today = LocalDate.now(clock);
		String serialNumber = numberSeries.next(estateOf(draft.estateId()).code(), "ZM" + today.getYear(), 6);
		jdbc.update("update certificate set serial_number = ?, issued_on = ?, valid_until = ?, sealed_by = ? where id = ?",
				serialNumber, Date.valueOf(today), Date.valueOf(today.plus(validFor)), sealedBy, draft.id());
		Certificate issued = ofRequest(requestNumber).orElseThrow();
		code(issued);
		return issued;
	}

	/** The request's certificate, for the system acting on the request, whichever estate's. */
	Optional<Certificate> ofRequest(String requestNumber) {
		return jdbc.query(COLUMNS + " where r.request_number = ?", this::certificate, requestNumber).stream().findFirst();
	}

	Optional<Certificate> ofRequest(long estateId, String requestNumber) {
		return jdbc.query(COLUMNS + " where r.request_number = ? and u.estate_id = ?", this::certificate, requestNumber,
				estateId)
			.stream()
			.findFirst();
	}

	/** The code printed on an issued certificate. */
	String code(Certificate certificate) {
		return codes.of(certificate.serialNumber(), certificate.kind(), certificate.unitNumber(), certificate.issuedOn(),
				certificate.validUntil());
	}

	/**
	 * The certificate with this number, of whichever estate, when the code is its own; nothing tells
	 * which of the two was wrong.
	 */
	Optional<Check> check(String serialNumber, String code) {
		Optional<Certificate> found = serialNumber == null ? Optional.empty()
				: jdbc.query(COLUMNS + " where c.serial_number = ?", this::certificate, serialNumber.strip().toUpperCase())
					.stream()
					.findFirst();
		return found.filter(certificate -> VerificationCodes.matches(code(certificate), code))
			.map(certificate -> new Check(certificate.serialNumber(), certificate.kind().label(),
					estateOf(certificate.estateId()).name(), certificate.unitNumber(), certificate.issuedOn(), certificate.validUntil(),
					!LocalDate.now(clock).isAfter(certificate.validUntil())));
	}

	private Certificate certificate(ResultSet rs, int row) throws SQLException {
		Date issuedOn = rs.getDate(8);
		Date validUntil = rs.getDate(9);
		return new Certificate(rs.getLong(1), rs.getString(2), AssistanceKind.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
				issuedOn == null ? null : issuedOn.toLocalDate(), validUntil == null ? null : validUntil.toLocalDate(),
				rs.getString(10), rs.getLong(11));
	}

	private EstateRef estateOf(long estateId) {
		return estates.all().stream().filter(e -> e.id() == estateId).findFirst().orElseThrow();
	}

}
