package cn.tianxiacheng.servicecenter.finance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The center's expenses by category, and the statements published to owners (公布收支账目):
 * a published statement keeps the figures it was published with. Each estate keeps its own.
 */
@Service
public class Expenses {

	private final JdbcTemplate jdbc;

	private final FeeReports reports;

	private final ObjectMapper json;

	private final Clock clock;

	private final RequestOnce requestOnce;

	private final EstateDirectory estates;

	Expenses(JdbcTemplate jdbc, EstateDirectory estates, FeeReports reports, ObjectMapper json, Clock clock,
			RequestOnce requestOnce) {
		this.requestOnce = requestOnce;
		this.jdbc = jdbc;
		this.estates = estates;
		this.reports = reports;
		this.json = json;
		this.clock = clock;
	}

	/** An expense as the month's statement lists it. */
	record Expense(String category, BigDecimal amount, String description, String enteredBy, Instant enteredAt,
			String reference) {
	}

	/** A statement published to owners: when and by whom. */
	record Publication(Instant publishedAt, String publishedBy) {
	}

	/**
	 * Enters an expense of a month that is not over yet or over but not published (a published
	 * statement keeps its figures); a request id makes an expense sent twice entered once.
	 */
	void enter(String requestId, long estateId, YearMonth period, String category, BigDecimal amount,
			String description, String enteredBy) {
		requestOnce.apply(() -> enterRequested(requestId, estateId, period, category, amount, description, enteredBy));
	}

	private Void enterRequested(String requestId, long estateId, YearMonth period, String category, BigDecimal amount,
			String description, String enteredBy) {
		if (requestId != null
				&& jdbc.queryForObject("select count(*) from expense where request_id = ?", Integer.class, requestId) > 0) {
			return null;
		}
		if (period.isAfter(YearMonth.now(clock))) {
			throw new BusinessRuleException("不能录入 " + period + " 的支出：该月尚未开始");
		}
		if (publication(estateId, period).isPresent()) {
			throw new BusinessRuleException(period + " 的收支表已向业主公布，不能再录入该月支出");
		}
		jdbc.update("""
				insert into expense (estate_id, period, category, amount, description, entered_by, entered_at, request_id)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", estateId, period.toString(), category, amount, description, enteredBy,
				Timestamp.from(clock.instant()), requestId);
		return null;
	}

	/** The estate's expenses of the month in the order they were entered. */
	List<Expense> ofMonth(long estateId, YearMonth period) {
		return jdbc.query("""
				select category, amount, description, entered_by, entered_at, reference from expense
				 where estate_id = ? and period = ? order by id""", (rs, i) -> new Expense(rs.getString(1),
				rs.getBigDecimal(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)),
				estateId, period.toString());
	}

	Optional<Publication> publication(long estateId, YearMonth period) {
		return jdbc.query("select published_at, published_by from published_statement where estate_id = ? and period = ?",
				(rs, i) -> new Publication(rs.getTimestamp(1).toInstant(), rs.getString(2)), estateId, period.toString())
			.stream()
			.findFirst();
	}

	/**
	 * Enters the expense that another record of the estate (its code, as the engine's tenant) brings
	 * about (a repair plan's final account), named by its reference: entered once, however often the
	 * step that enters it runs.
	 */
	@Transactional
	public void enterOnce(String estateCode, String reference, YearMonth period, String category, BigDecimal amount,
			String description, String enteredBy) {
		long estateId = estates.all().stream().filter(estate -> estate.code().equals(estateCode)).findFirst()
			.orElseThrow(() -> new IllegalStateException("支出“" + reference + "”不属于任何项目（" + estateCode + "）"))
			.id();
		if (jdbc.queryForObject("select count(*) from expense where estate_id = ? and reference = ?", Integer.class,
				estateId, reference) > 0) {
			return;
		}
		jdbc.update("""
				insert into expense (estate_id, period, category, amount, description, entered_by, entered_at, reference)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", estateId, period.toString(), category, amount, description, enteredBy,
				Timestamp.from(clock.instant()), reference);
	}

	@Transactional
	void publish(long estateId, YearMonth period, String publishedBy) {
		if (!period.isBefore(YearMonth.now(clock))) {
			throw new BusinessRuleException("只能公布已结束月份的收支表");
		}
		try {
			jdbc.update("""
					insert into published_statement (estate_id, period, content, published_at, published_by)
					values (?, ?, ?, ?, ?)""", estateId, period.toString(),
					json.writeValueAsString(reports.statement(estateId, period)), Timestamp.from(clock.instant()),
					publishedBy);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException(period + " 的收支表已经公布过");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
