package cn.tianxiacheng.servicecenter.activity;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.finance.Expenses;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.PlainText;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 社区文化活动: planned by reception or the manager ({@code TXC-HD-2026-001}), summarized once it was held
 * with the participants who came, what it cost and its photos. The photos are kept in the
 * system's photo store ({@link Photos}). The cost is
 * entered once as an expense of the month under {@value #EXPENSE_CATEGORY}.
 */
@Service
class Activities {

	static final String EXPENSE_CATEGORY = "社区文化活动";

	static final String PHOTO_KIND = "ACTIVITY";

	static final String PHOTO_FIELD = "活动照片";

	static final StaffGroup[] ORGANISERS = { StaffGroup.RECEPTION, StaffGroup.MANAGER };

	private static final String COLUMNS = """
			select a.id, a.activity_number, a.title, a.held_on, a.place, a.plan, a.audience, a.expected_participants,
			       a.budget, a.planned_by, a.planned_at, a.summary, a.actual_participants, a.actual_cost, a.summarized_by,
			       a.summarized_at, a.estate_id
			  from community_activity a""";

	private final JdbcTemplate jdbc;

	private final RequestOnce requestOnce;

	private final SimpleJdbcInsert insert;

	private final NumberSeries numberSeries;

	private final Expenses expenses;

	private final Photos photos;

	private final Clock clock;

	Activities(JdbcTemplate jdbc, NumberSeries numberSeries, Expenses expenses, Photos photos,
			Clock clock, RequestOnce requestOnce) {
		this.jdbc = jdbc;
		this.requestOnce = requestOnce;
		this.insert = new SimpleJdbcInsert(jdbc).withTableName("community_activity").usingGeneratedKeyColumns("id");
		this.numberSeries = numberSeries;
		this.expenses = expenses;
		this.photos = photos;
		this.clock = clock;
	}

	record Plan(String requestId, String title, LocalDate heldOn, String place, String plan, String audience,
			Integer expectedParticipants, BigDecimal budget) {
	}

	record Summary(String summary, Integer actualParticipants, BigDecimal actualCost) {
	}

	record Activity(long id, String number, String title, LocalDate heldOn, String place, String plan, String audience,
			int expectedParticipants, BigDecimal budget, String plannedBy, Instant plannedAt, String summary,
			Integer actualParticipants, BigDecimal actualCost, String summarizedBy, Instant summarizedAt, int photos,
			long estateId) {

		public boolean isSummarized() {
			return summarizedAt != null;
		}

		/** 筹备中, 待总结 or 已总结 on the day. */
		public String stateOn(LocalDate day) {
			return isSummarized() ? "已总结" : day.isBefore(heldOn) ? "筹备中" : "待总结";
		}

	}

	/** Plans the activity, or returns the number an earlier request with the same id got. */
	String plan(Plan plan, Staff staff) {
		return requestOnce.apply(() -> planOnce(plan, staff));
	}

	private String planOnce(Plan plan, Staff staff) {
		staff.require("只有接待员或经理可以策划社区文化活动", ORGANISERS);
		Optional<String> earlier = requestOnce.earlier(plan.requestId(),
				"select activity_number from community_activity where request_id = ? and estate_id = " + staff.estateId(),
				(rs, i) -> rs.getString(1));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (blank(plan.title()) || blank(plan.place()) || blank(plan.plan()) || blank(plan.audience())) {
			throw new BadInputException("请填写活动名称、地点、活动安排和参加对象");
		}
		if (plan.title().strip().length() > 100 || plan.place().strip().length() > 100
				|| plan.plan().strip().length() > 2000 || plan.audience().strip().length() > 200) {
			throw new BadInputException("活动名称和地点最多 100 个字，活动安排最多 2000 个字，参加对象最多 200 个字");
		}
		if (plan.expectedParticipants() == null || plan.expectedParticipants() < 1 || plan.expectedParticipants() > 100000) {
			throw new BadInputException("预计参加人数应为 1 至 100000 的整数");
		}
		checkAmount(plan.budget(), "预算");
		if (plan.heldOn() == null) {
			throw new BadInputException("请填写活动日期");
		}
		LocalDate today = LocalDate.now(clock);
		if (plan.heldOn().isBefore(today.minusDays(30)) || plan.heldOn().isAfter(today.plusYears(1))) {
			throw new BusinessRuleException("活动日期应在 " + today.minusDays(30) + " 至 " + today.plusYears(1) + " 之间");
		}
		String number = numberSeries.next(staff.estate().code(), "HD-" + plan.heldOn().getYear(), 3);
		Map<String, Object> row = new HashMap<>();
		row.put("estate_id", staff.estateId());
		row.put("activity_number", number);
		row.put("request_id", plan.requestId());
		row.put("title", plan.title().strip());
		row.put("held_on", Date.valueOf(plan.heldOn()));
		row.put("place", plan.place().strip());
		row.put("plan", plan.plan().strip());
		row.put("audience", plan.audience().strip());
		row.put("expected_participants", plan.expectedParticipants());
		row.put("budget", plan.budget());
		row.put("planned_by", staff.id());
		row.put("planned_at", Timestamp.from(clock.instant()));
		insert.execute(row);
		return number;
	}

	/**
	 * The summary of an activity that was held, with its photos; once. Its cost is entered as an
	 * expense of this month.
	 */
	@Transactional
	void summarize(String number, Summary summary, List<Photos.Upload> uploads, Staff staff) {
		staff.require("只有接待员或经理可以总结社区文化活动", ORGANISERS);
		Activity activity = byNumber(staff.estateId(), number);
		if (blank(summary.summary()) || summary.summary().strip().length() > 4000) {
			throw new BadInputException("请填写活动总结（最多 4000 个字）");
		}
		if (summary.actualParticipants() == null || summary.actualParticipants() < 0
				|| summary.actualParticipants() > 100000) {
			throw new BadInputException("实际参加人数应为 0 至 100000 的整数");
		}
		checkAmount(summary.actualCost(), "实际费用");
		Photos.Checked checked = photos.check(PHOTO_FIELD, owner(activity), uploads);
		if (activity.isSummarized()) {
			throw new ConflictException("活动 " + number + " 已经总结过，可在活动页面补充照片");
		}
		if (LocalDate.now(clock).isBefore(activity.heldOn())) {
			throw new BusinessRuleException("活动定于 " + activity.heldOn() + " 举行，举行后才能总结");
		}
		int updated = jdbc.update("""
				update community_activity set summary = ?, actual_participants = ?, actual_cost = ?, summarized_by = ?,
				       summarized_at = ? where id = ? and summarized_at is null""", summary.summary().strip(),
				summary.actualParticipants(), summary.actualCost(), staff.id(), Timestamp.from(clock.instant()),
				activity.id());
		if (updated == 0) {
			throw new ConflictException("活动 " + number + " 已经总结过");
		}
		photos.keep(owner(activity), "SUMMARY", null, checked, staff);
		if (summary.actualCost().signum() > 0) {
			expenses.enterOnce(staff.estate().code(), number, YearMonth.now(clock), EXPENSE_CATEGORY, summary.actualCost(),
					activity.title() + "（" + number + "，" + activity.heldOn() + "）", staff.id());
		}
	}

	/** More photos of a summarized activity. */
	@Transactional
	void addPhotos(String number, List<Photos.Upload> uploads, Staff staff) {
		staff.require("只有接待员或经理可以上传活动照片", ORGANISERS);
		Activity activity = byNumber(staff.estateId(), number);
		if (!activity.isSummarized()) {
			throw new BusinessRuleException("请在活动总结时一并上传照片");
		}
		Photos.Checked checked = photos.check(PHOTO_FIELD, owner(activity), uploads);
		if (checked.isEmpty()) {
			throw new BadInputException("请选择要上传的照片");
		}
		photos.keep(owner(activity), "SUMMARY", null, checked, staff);
	}

	Activity byNumber(long estateId, String number) {
		return query(estateId, " and a.activity_number = ?", number)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("社区文化活动不存在：" + number));
	}

	/** The estate's activities, the latest date first. */
	List<Activity> latest(long estateId, int limit) {
		return query(estateId, " order by a.held_on desc, a.id desc fetch first %d rows only".formatted(limit));
	}

	List<Photos.Photo> photos(long estateId, String number) {
		return photos.of(owner(byNumber(estateId, number)));
	}

	/** A photo's bytes, when it belongs to the activity. */
	Optional<Photos.Image> photo(long estateId, String number, long photoId) {
		return photos.image(owner(byNumber(estateId, number)), photoId);
	}

	private static Photos.Owner owner(Activity activity) {
		return new Photos.Owner(PHOTO_KIND, activity.number(), activity.estateId());
	}

	private List<Activity> query(long estateId, String condition, Object... args) {
		Map<String, Integer> photoCounts = photos.counts(PHOTO_KIND, estateId);
		Object[] arguments = new Object[args.length + 1];
		arguments[0] = estateId;
		System.arraycopy(args, 0, arguments, 1, args.length);
		return jdbc.query(COLUMNS + " where a.estate_id = ?" + condition, (rs, row) -> activity(rs, photoCounts),
				arguments);
	}

	private static void checkAmount(BigDecimal amount, String label) {
		if (amount == null || amount.signum() < 0 || amount.compareTo(new BigDecimal("99999999.99")) > 0
				|| amount.stripTrailingZeros().scale() > 2) {
			throw new BadInputException(label + "应为 0 至 99999999.99 元的金额，最多两位小数");
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static Activity activity(ResultSet rs, Map<String, Integer> photoCounts) throws SQLException {
		Timestamp summarizedAt = rs.getTimestamp(16);
		return new Activity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBigDecimal(9), rs.getString(10),
				rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getObject(13, Integer.class), rs.getBigDecimal(14),
				rs.getString(15), summarizedAt == null ? null : summarizedAt.toInstant(),
				photoCounts.getOrDefault(rs.getString(2), 0), rs.getLong(17));
	}

}
