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
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * 社区文化活动: planned by reception or the manager ({@code HD-2026-001}), summarized once it was held
 * with the participants who came, what it cost and its photos. The photos are kept in the
 * database; only JPEG, PNG and WebP images are taken, recognised by their content. The cost is
 * entered once as an expense of the month under {@value #EXPENSE_CATEGORY}.
 */
@Service
class Activities {

	static final String EXPENSE_CATEGORY = "社区文化活动";

	static final StaffGroup[] ORGANISERS = { StaffGroup.RECEPTION, StaffGroup.MANAGER };

	private static final String COLUMNS = """
			select a.id, a.activity_number, a.title, a.held_on, a.place, a.plan, a.audience, a.expected_participants,
			       a.budget, a.planned_by, a.planned_at, a.summary, a.actual_participants, a.actual_cost, a.summarized_by,
			       a.summarized_at, (select count(*) from activity_photo p where p.activity_id = a.id)
			  from community_activity a""";

	private final JdbcTemplate jdbc;

	private final RequestOnce requestOnce;

	private final SimpleJdbcInsert insert;

	private final NumberSeries numberSeries;

	private final Expenses expenses;

	private final long maxPhotoSize;

	private final int maxPhotos;

	private final Clock clock;

	Activities(JdbcTemplate jdbc, NumberSeries numberSeries, Expenses expenses,
			ActivityProperties properties, Clock clock, RequestOnce requestOnce) {
		this.jdbc = jdbc;
		this.requestOnce = requestOnce;
		this.insert = new SimpleJdbcInsert(jdbc).withTableName("community_activity").usingGeneratedKeyColumns("id");
		this.numberSeries = numberSeries;
		this.expenses = expenses;
		this.maxPhotoSize = properties.maxPhotoSize().toBytes();
		this.maxPhotos = properties.maxPhotos();
		this.clock = clock;
	}

	record Plan(String requestId, String title, LocalDate heldOn, String place, String plan, String audience,
			Integer expectedParticipants, BigDecimal budget) {
	}

	record Summary(String summary, Integer actualParticipants, BigDecimal actualCost) {
	}

	/** A photo as uploaded: its name, and its bytes. */
	record Upload(String fileName, byte[] data) {
	}

	record Activity(long id, String number, String title, LocalDate heldOn, String place, String plan, String audience,
			int expectedParticipants, BigDecimal budget, String plannedBy, Instant plannedAt, String summary,
			Integer actualParticipants, BigDecimal actualCost, String summarizedBy, Instant summarizedAt, int photos) {

		public boolean isSummarized() {
			return summarizedAt != null;
		}

		/** 筹备中, 待总结 or 已总结 on the day. */
		public String stateOn(LocalDate day) {
			return isSummarized() ? "已总结" : day.isBefore(heldOn) ? "筹备中" : "待总结";
		}

	}

	record Photo(long id, String fileName, String contentType, int size) {
	}

	/** Plans the activity, or returns the number an earlier request with the same id got. */
	String plan(Plan plan, Staff staff) {
		return requestOnce.apply(() -> planOnce(plan, staff));
	}

	private String planOnce(Plan plan, Staff staff) {
		staff.require("只有接待员或经理可以策划社区文化活动", ORGANISERS);
		Optional<String> earlier = requestOnce.earlier(plan.requestId(),
				"select activity_number from community_activity where request_id = ?", (rs, i) -> rs.getString(1));
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
		String series = "HD" + plan.heldOn().getYear();
		String number = "HD-%d-%03d".formatted(plan.heldOn().getYear(), numberSeries.next(series));
		Map<String, Object> row = new HashMap<>();
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
	void summarize(String number, Summary summary, List<Upload> photos, Staff staff) {
		staff.require("只有接待员或经理可以总结社区文化活动", ORGANISERS);
		Activity activity = byNumber(number);
		if (blank(summary.summary()) || summary.summary().strip().length() > 4000) {
			throw new BadInputException("请填写活动总结（最多 4000 个字）");
		}
		if (summary.actualParticipants() == null || summary.actualParticipants() < 0
				|| summary.actualParticipants() > 100000) {
			throw new BadInputException("实际参加人数应为 0 至 100000 的整数");
		}
		checkAmount(summary.actualCost(), "实际费用");
		List<Checked> checked = check(photos, activity);
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
		store(activity, checked, staff);
		if (summary.actualCost().signum() > 0) {
			expenses.enterOnce(number, YearMonth.now(clock), EXPENSE_CATEGORY, summary.actualCost(),
					activity.title() + "（" + number + "，" + activity.heldOn() + "）", staff.id());
		}
	}

	/** More photos of a summarized activity. */
	@Transactional
	void addPhotos(String number, List<Upload> photos, Staff staff) {
		staff.require("只有接待员或经理可以上传活动照片", ORGANISERS);
		Activity activity = byNumber(number);
		if (!activity.isSummarized()) {
			throw new BusinessRuleException("请在活动总结时一并上传照片");
		}
		List<Checked> checked = check(photos, activity);
		if (checked.isEmpty()) {
			throw new BadInputException("请选择要上传的照片");
		}
		store(activity, checked, staff);
	}

	Activity byNumber(String number) {
		return jdbc.query(COLUMNS + " where a.activity_number = ?", this::activity, number)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("社区文化活动不存在：" + number));
	}

	/** The activities, the latest date first. */
	List<Activity> latest(int limit) {
		return jdbc.query(COLUMNS + " order by a.held_on desc, a.id desc fetch first %d rows only".formatted(limit),
				this::activity);
	}

	List<Photo> photos(String number) {
		return jdbc.query("""
				select p.id, p.file_name, p.content_type, p.size_bytes from activity_photo p
				  join community_activity a on a.id = p.activity_id where a.activity_number = ? order by p.id""",
				(rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)), number);
	}

	/** A photo's type and bytes, when it belongs to the activity. */
	Optional<Map.Entry<String, byte[]>> photo(String number, long photoId) {
		return jdbc.query("""
				select p.content_type, p.data from activity_photo p join community_activity a on a.id = p.activity_id
				 where a.activity_number = ? and p.id = ?""",
				(rs, i) -> Map.entry(rs.getString(1), rs.getBytes(2)), number, photoId).stream().findFirst();
	}

	private record Checked(String fileName, String contentType, byte[] data) {
	}

	private List<Checked> check(List<Upload> photos, Activity activity) {
		List<Checked> checked = photos.stream().filter(p -> p.data().length > 0).map(uploaded -> {
			Upload p = new Upload(PlainText.fileName(uploaded.fileName()), uploaded.data());
			if (p.data().length > maxPhotoSize) {
				throw new BadInputException("照片“" + p.fileName() + "”超过 " + DataSize.ofBytes(maxPhotoSize).toMegabytes()
						+ " MB，请压缩后上传");
			}
			String type = imageType(p.data());
			if (type == null) {
				throw new BadInputException("“" + p.fileName() + "”不是 JPEG、PNG 或 WebP 图片");
			}
			String name = p.fileName() == null ? "照片" : p.fileName();
			return new Checked(name.length() > 200 ? name.substring(name.length() - 200) : name, type, p.data());
		}).toList();
		if (activity.photos() + checked.size() > maxPhotos) {
			throw new BusinessRuleException("每个活动最多保存 " + maxPhotos + " 张照片，已有 " + activity.photos() + " 张");
		}
		return checked;
	}

	private void store(Activity activity, List<Checked> photos, Staff staff) {
		for (Checked photo : photos) {
			jdbc.update("""
					insert into activity_photo (activity_id, file_name, content_type, size_bytes, data, uploaded_by, uploaded_at)
					values (?, ?, ?, ?, ?, ?, ?)""", activity.id(), photo.fileName(), photo.contentType(),
					photo.data().length, photo.data(), staff.id(), Timestamp.from(clock.instant()));
		}
	}

	/** The image type by the file's first bytes, whatever its name or the browser say. */
	static String imageType(byte[] data) {
		if (data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (data.length > 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
			return "image/png";
		}
		if (data.length > 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F' && data[8] == 'W'
				&& data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
			return "image/webp";
		}
		return null;
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

	private Activity activity(ResultSet rs, int row) throws SQLException {
		Timestamp summarizedAt = rs.getTimestamp(16);
		return new Activity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBigDecimal(9), rs.getString(10),
				rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getObject(13, Integer.class), rs.getBigDecimal(14),
				rs.getString(15), summarizedAt == null ? null : summarizedAt.toInstant(), rs.getInt(17));
	}

}
