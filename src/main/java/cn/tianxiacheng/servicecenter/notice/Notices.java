package cn.tianxiacheng.servicecenter.notice;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 服务信息: notices published to the owners of some buildings, or all, for a period.
 */
@Service
class Notices {

	private final JdbcTemplate jdbc;

	private final UnitRepository units;

	private final SimpleJdbcInsert insert;

	private final Clock clock;

	Notices(JdbcTemplate jdbc, UnitRepository units, Clock clock) {
		this.jdbc = jdbc;
		this.insert = new SimpleJdbcInsert(jdbc).withTableName("notice").usingGeneratedKeyColumns("id");
		this.units = units;
		this.clock = clock;
	}

	record Notice(long id, String title, String body, List<Integer> buildings, LocalDate validFrom, LocalDate validTo,
			String publishedBy) {
	}

	@Transactional
	long publish(String title, String body, List<Integer> buildings, LocalDate validFrom, LocalDate validTo,
			String publishedBy) {
		if (validTo.isBefore(validFrom)) {
			throw new BusinessRuleException("结束日期不能早于开始日期");
		}
		if (validTo.isBefore(LocalDate.now(clock))) {
			throw new BusinessRuleException("结束日期已过，公告不会显示给任何人");
		}
		String buildingList = buildings == null || buildings.isEmpty() ? null
				: buildings.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
		Map<String, Object> row = new HashMap<>();
		row.put("title", title);
		row.put("body", body);
		row.put("buildings", buildingList);
		row.put("valid_from", Date.valueOf(validFrom));
		row.put("valid_to", Date.valueOf(validTo));
		row.put("published_by", publishedBy);
		row.put("published_at", Timestamp.from(clock.instant()));
		return insert.executeAndReturnKey(row).longValue();
	}

	/** The notices current today: for a unit, those of its building and of the whole estate. */
	@Transactional(readOnly = true)
	List<Notice> current(Long unitId) {
		Integer building = unitId == null ? null
				: units.findById(unitId)
					.orElseThrow(() -> new NotFoundException("房屋不存在：编号 " + unitId))
					.getBuilding()
					.getNumber();
		LocalDate today = LocalDate.now(clock);
		return jdbc.query("""
				select id, title, body, buildings, valid_from, valid_to, published_by from notice
				 where valid_from <= ? and valid_to >= ? order by valid_from desc, id desc""",
				(rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), buildings(rs.getString(4)),
						rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getString(7)),
				Date.valueOf(today), Date.valueOf(today))
			.stream()
			.filter(notice -> building == null || notice.buildings().isEmpty() || notice.buildings().contains(building))
			.toList();
	}

	private static List<Integer> buildings(String list) {
		return list == null ? List.of() : Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
	}

}
