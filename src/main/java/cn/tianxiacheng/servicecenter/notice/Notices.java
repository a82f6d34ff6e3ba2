package cn.tianxiacheng.servicecenter.notice;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 服务信息: notices published to the owners of some buildings, or all, for a period. A request id
 * makes a notice sent twice (a double click, a retry) published once.
 */
@Service
class Notices {

	private static final String COLUMNS = "select id, title, body, buildings, valid_from, valid_to, published_by, published_at from notice";

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert insert;

	private final Clock clock;

	private final RequestOnce requestOnce;

	Notices(JdbcTemplate jdbc, Clock clock, RequestOnce requestOnce) {
		this.jdbc = jdbc;
		this.insert = new SimpleJdbcInsert(jdbc).withTableName("notice").usingGeneratedKeyColumns("id");
		this.clock = clock;
		this.requestOnce = requestOnce;
	}

	record Notice(long id, String title, String body, List<Integer> buildings, LocalDate validFrom, LocalDate validTo,
			String publishedBy, Instant publishedAt) {

		/** 全小区, or 1号楼、3号楼. */
		public String buildingsLabel() {
			return buildings.isEmpty() ? "全小区"
					: buildings.stream().map(b -> b + "号楼").collect(Collectors.joining("、"));
		}

		/** 未开始, 生效中 or 已过期 on the day. */
		public String stateOn(LocalDate day) {
			return day.isBefore(validFrom) ? "未开始" : day.isAfter(validTo) ? "已过期" : "生效中";
		}

	}

	/** Publishes the notice, or returns the one an earlier request with the same id published. */
	long publish(String requestId, String title, String body, List<Integer> buildings, LocalDate validFrom,
			LocalDate validTo, Staff staff) {
		return requestOnce.apply(
				() -> publishOnce(requestId, title, body, buildings, validFrom, validTo, staff));
	}

	private long publishOnce(String requestId, String title, String body, List<Integer> buildings,
			LocalDate validFrom, LocalDate validTo, Staff staff) {
		long estateId = staff.estateId();
		Optional<Long> earlier = requestOnce.earlier(requestId,
				"select id from notice where request_id = ? and estate_id = " + estateId, (rs, i) -> rs.getLong(1));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (validTo.isBefore(validFrom)) {
			throw new BusinessRuleException("结束日期不能早于开始日期");
		}
		if (validTo.isBefore(LocalDate.now(clock))) {
			throw new BusinessRuleException("结束日期已过，公告不会显示给任何人");
		}
		List<Integer> known = buildingNumbers(estateId);
		if (buildings != null) {
			for (Integer building : buildings) {
				if (building == null || !known.contains(building)) {
					throw new BadInputException("没有" + building + "号楼，可选：" + known.stream().map(b -> b + "号楼")
						.collect(Collectors.joining("、")));
				}
			}
		}
		String buildingList = buildings == null || buildings.isEmpty() ? null
				: buildings.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
		Map<String, Object> row = new HashMap<>();
		row.put("estate_id", estateId);
		row.put("request_id", requestId);
		row.put("title", title);
		row.put("body", body);
		row.put("buildings", buildingList);
		row.put("valid_from", Date.valueOf(validFrom));
		row.put("valid_to", Date.valueOf(validTo));
		row.put("published_by", staff.id());
		row.put("published_at", Timestamp.from(clock.instant()));
		return insert.executeAndReturnKey(row).longValue();
	}

	/** The estate's notices current today: for a unit, those of its building and of the whole estate. */
	@Transactional(readOnly = true)
	List<Notice> current(long estateId, Long unitId) {
		Integer building = unitId == null ? null
				: jdbc.queryForList("select building_number from unit_address where unit_id = ? and estate_id = ?",
						Integer.class, unitId, estateId)
					.stream()
					.findFirst()
					.orElseThrow(() -> new NotFoundException("房屋不存在：编号 " + unitId));
		LocalDate today = LocalDate.now(clock);
		return jdbc.query(
				COLUMNS + " where estate_id = ? and valid_from <= ? and valid_to >= ? order by valid_from desc, id desc",
				this::notice, estateId, Date.valueOf(today), Date.valueOf(today))
			.stream()
			.filter(notice -> building == null || notice.buildings().isEmpty() || notice.buildings().contains(building))
			.toList();
	}

	/** The estate's latest notices, current, coming and past, newest first. */
	List<Notice> latest(long estateId, int limit) {
		return jdbc.query(COLUMNS + " where estate_id = ? order by id desc fetch first %d rows only".formatted(limit),
				this::notice, estateId);
	}

	Optional<Notice> find(long estateId, long id) {
		return jdbc.query(COLUMNS + " where id = ? and estate_id = ?", this::notice, id, estateId).stream().findFirst();
	}

	List<Integer> buildingNumbers(long estateId) {
		return jdbc.queryForList(
				"select distinct building_number from unit_address where estate_id = ? order by building_number",
				Integer.class, estateId);
	}

	private Notice notice(ResultSet rs, int row) throws SQLException {
		return new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), buildings(rs.getString(4)),
				rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getTimestamp(8).toInstant());
	}

	private static List<Integer> buildings(String list) {
		return list == null ? List.of() : Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
	}

}
