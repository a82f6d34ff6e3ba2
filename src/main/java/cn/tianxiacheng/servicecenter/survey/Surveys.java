package cn.tianxiacheng.servicecenter.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 满意度调查: a campaign over the occupied units of some buildings (or all); reception records
 * each unit's scores per service area; the report gives the response rate and the mean scores
 * per area and per building.
 */
@Service
class Surveys {

	private static final String CAMPAIGNS = """
			select s.id, s.title, s.buildings, s.ends_on, s.created_by,
			       (select count(*) from survey_target t where t.survey_id = s.id),
			       (select count(*) from survey_answer a where a.survey_id = s.id)
			  from survey s""";

	static final List<String> AREAS = List.of("客服", "工程维修", "保洁", "秩序维护", "绿化", "收费");

	private final JdbcTemplate jdbc;

	private final RequestOnce requestOnce;

	private final Households households;

	private final SimpleJdbcInsert surveyInsert;

	private final SimpleJdbcInsert answerInsert;

	private final Clock clock;

	Surveys(JdbcTemplate jdbc, Households households, Clock clock, RequestOnce requestOnce) {
		this.jdbc = jdbc;
		this.requestOnce = requestOnce;
		this.households = households;
		this.surveyInsert = new SimpleJdbcInsert(jdbc).withTableName("survey").usingGeneratedKeyColumns("id");
		this.answerInsert = new SimpleJdbcInsert(jdbc).withTableName("survey_answer").usingGeneratedKeyColumns("id");
		this.clock = clock;
	}

	/** A campaign with how far it got. */
	record Campaign(long id, String title, List<Integer> buildings, LocalDate endsOn, String createdBy, int targets,
			int answers) {

		public String buildingsLabel() {
			return buildings.isEmpty() ? "全小区" : buildings.stream().map(b -> b + "号楼").collect(Collectors.joining("、"));
		}

		public BigDecimal responseRatePercent() {
			return targets == 0 ? BigDecimal.ZERO.setScale(2)
					: BigDecimal.valueOf(answers * 100L).divide(BigDecimal.valueOf(targets), 2, RoundingMode.HALF_UP);
		}

		public boolean isOpenOn(LocalDate day) {
			return !day.isAfter(endsOn);
		}

	}

	record Report(long surveyId, String title, int targets, int answers, BigDecimal responseRatePercent,
			Map<String, BigDecimal> meanByArea, Map<Integer, Map<String, BigDecimal>> meanByBuilding) {
	}

	/** Starts the campaign, or returns the one an earlier request with the same id started. */
	long start(String requestId, String title, List<Integer> buildings, LocalDate endsOn, Staff staff) {
		return requestOnce.apply(() -> startOnce(requestId, title, buildings, endsOn, staff));
	}

	private long startOnce(String requestId, String title, List<Integer> buildings, LocalDate endsOn, Staff staff) {
		long estateId = staff.estateId();
		Optional<Long> earlier = requestOnce.earlier(requestId,
				"select id from survey where request_id = ? and estate_id = " + estateId, (rs, i) -> rs.getLong(1));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (endsOn.isBefore(LocalDate.now(clock))) {
			throw new BusinessRuleException("截止日期不能早于今天");
		}
		List<Integer> known = buildingNumbers(estateId);
		if (buildings != null && buildings.stream().anyMatch(b -> b == null || !known.contains(b))) {
			throw new BadInputException("楼栋只能是：" + known.stream().map(b -> b + "号楼").collect(Collectors.joining("、")));
		}
		String buildingList = buildings == null || buildings.isEmpty() ? null
				: buildings.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
		Map<String, Object> row = new HashMap<>();
		row.put("estate_id", estateId);
		row.put("request_id", requestId);
		row.put("title", title);
		row.put("buildings", buildingList);
		row.put("ends_on", Date.valueOf(endsOn));
		row.put("created_by", staff.id());
		row.put("created_at", Timestamp.from(clock.instant()));
		long id = surveyInsert.executeAndReturnKey(row).longValue();
		List<Object[]> targets = households.occupied(estateId, buildings)
			.stream()
			.map(unit -> new Object[] { id, unit.id() })
			.toList();
		jdbc.batchUpdate("insert into survey_target (survey_id, unit_id) values (?, ?)", targets);
		if (targets.isEmpty()) {
			throw new BusinessRuleException("所选楼栋没有已入住的房屋");
		}
		return id;
	}

	@Transactional
	void answer(long surveyId, long unitId, Map<String, Integer> scores, String comment, Staff staff) {
		Campaign campaign = campaign(staff.estateId(), surveyId);
		if (!campaign.isOpenOn(LocalDate.now(clock))) {
			throw new BusinessRuleException("本次调查已于 " + campaign.endsOn() + " 截止，不能再录入答卷");
		}
		if (jdbc.queryForObject("select count(*) from survey_target where survey_id = ? and unit_id = ?", Integer.class,
				surveyId, unitId) == 0) {
			throw new BusinessRuleException("房屋 " + unitId + " 不在本次调查范围内");
		}
		for (Map.Entry<String, Integer> score : scores.entrySet()) {
			if (!AREAS.contains(score.getKey())) {
				throw new BusinessRuleException("未知的服务项目“" + score.getKey() + "”，可选：" + String.join("、", AREAS));
			}
			if (score.getValue() == null || score.getValue() < 1 || score.getValue() > 5) {
				throw new BusinessRuleException("“" + score.getKey() + "”的评分必须是 1 到 5 分");
			}
		}
		Map<String, Object> row = new HashMap<>();
		row.put("survey_id", surveyId);
		row.put("unit_id", unitId);
		row.put("comment", comment);
		row.put("recorded_by", staff.id());
		row.put("recorded_at", Timestamp.from(clock.instant()));
		long answerId;
		try {
			answerId = answerInsert.executeAndReturnKey(row).longValue();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("该房屋已经答过本次调查");
		}
		jdbc.batchUpdate("insert into survey_score (answer_id, area, score) values (?, ?, ?)",
				scores.entrySet().stream().map(s -> new Object[] { answerId, s.getKey(), s.getValue() }).toList());
	}

	Report report(long estateId, long surveyId) {
		String title = campaign(estateId, surveyId).title();
		int targets = jdbc.queryForObject("select count(*) from survey_target where survey_id = ?", Integer.class, surveyId);
		int answers = jdbc.queryForObject("select count(*) from survey_answer where survey_id = ?", Integer.class, surveyId);
		Map<String, BigDecimal> byArea = new LinkedHashMap<>();
		Map<Integer, Map<String, BigDecimal>> byBuilding = new TreeMap<>();
		jdbc.query("""
				select u.building_number, s.area, sum(s.score), count(*) from survey_score s
				  join survey_answer a on a.id = s.answer_id join unit_address u on u.unit_id = a.unit_id
				 where a.survey_id = ? group by u.building_number, s.area""", rs -> {
			byBuilding.computeIfAbsent(rs.getInt(1), b -> new LinkedHashMap<>())
				.put(rs.getString(2), mean(rs.getLong(3), rs.getLong(4)));
		}, surveyId);
		jdbc.query("""
				select s.area, sum(s.score), count(*) from survey_score s join survey_answer a on a.id = s.answer_id
				 where a.survey_id = ? group by s.area""", rs -> {
			byArea.put(rs.getString(1), mean(rs.getLong(2), rs.getLong(3)));
		}, surveyId);
		BigDecimal rate = targets == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(answers * 100L).divide(BigDecimal.valueOf(targets), 2, RoundingMode.HALF_UP);
		return new Report(surveyId, title, targets, answers, rate, byArea, byBuilding);
	}

	List<Integer> buildingNumbers(long estateId) {
		return jdbc.queryForList(
				"select distinct building_number from unit_address where estate_id = ? order by building_number",
				Integer.class, estateId);
	}

	/** The estate's campaigns, newest first. */
	List<Campaign> campaigns(long estateId) {
		return jdbc.query(CAMPAIGNS + " where s.estate_id = ? order by s.id desc", this::toCampaign, estateId);
	}

	/** A unit of the survey still to call. */
	record ToCall(long unitId, String unitNumber) {
	}

	/** The survey's units not yet answered, by number: the first {@code limit} of them. */
	List<ToCall> toCall(long surveyId, int limit) {
		return jdbc.query("""
				select u.unit_id, u.unit_number from survey_target t join unit_address u on u.unit_id = t.unit_id
				 where t.survey_id = ? and not exists (select 1 from survey_answer a
				                                        where a.survey_id = t.survey_id and a.unit_id = t.unit_id)
				 order by u.unit_number fetch first %d rows only""".formatted(limit),
				(rs, i) -> new ToCall(rs.getLong(1), rs.getString(2)), surveyId);
	}

	Campaign campaign(long estateId, long surveyId) {
		return jdbc.query(CAMPAIGNS + " where s.id = ? and s.estate_id = ?", this::toCampaign, surveyId, estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("调查不存在：编号 " + surveyId));
	}

	/** The unit's id, for answers taken by its number; an unknown number is refused. */
	long unitId(long estateId, String unitNumber) {
		return jdbc.queryForList("select unit_id from unit_address where unit_number = ? and estate_id = ?", Long.class,
				unitNumber.strip(), estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("没有房号为“" + unitNumber.strip() + "”的房屋，请按 楼栋-单元-房号 填写"));
	}

	private Campaign toCampaign(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String list = rs.getString(3);
		return new Campaign(rs.getLong(1), rs.getString(2),
				list == null ? List.of() : java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).toList(),
				rs.getDate(4).toLocalDate(), rs.getString(5), rs.getInt(6), rs.getInt(7));
	}

	/** Mean score, 2 decimals, half up. */
	private static BigDecimal mean(long sum, long count) {
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}

}
