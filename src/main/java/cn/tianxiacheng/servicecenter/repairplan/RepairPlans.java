package cn.tianxiacheng.servicecenter.repairplan;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import cn.tianxiacheng.servicecenter.finance.Expenses;
import cn.tianxiacheng.servicecenter.journal.Intake.FirstStep;
import cn.tianxiacheng.servicecenter.journal.Intake;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.repairplan.RepairPlanProcess.Var;
import cn.tianxiacheng.servicecenter.system.ApproverGroups;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 大、中修计划: the director drafts a plan ({@code TXC-WXJH-2026-001}, one series a year) and its process
 * starts in the same transaction; the works' progress is recorded as it goes; at acceptance the
 * final account (决算) is set against the budget, the variance computed to the fen and, when not
 * zero, explained; the cost is entered as an expense of the month, so the income and expense
 * statement shows it.
 */
@Service
class RepairPlans {

	/** The category under which the final accounts appear in the income and expense statement. */
	static final String EXPENSE_CATEGORY = "公共设施大中修";

	static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,8}(\\.\\d{1,2})?");

	private static final String COLUMNS = """
			select p.id, p.plan_number, p.plan_year, p.scale, p.item, p.facility, p.reason, p.construction_plan, p.budget,
			       p.planned_start, p.planned_end, p.status, p.drafted_by, p.drafted_at, p.process_instance_id,
			       p.consultation_needed, p.final_account, p.variance, p.variance_explanation, p.accepted_by, p.accepted_on,
			       (select max(g.percent) from repair_progress g where g.plan_id = p.id)
			  from repair_plan p""";

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert insert;

	private final EstateRepository estates;

	private final NumberSeries numberSeries;

	private final StepJournal journal;

	private final Intake intake;

	private final StaffNames staffNames;

	private final Expenses expenses;

	private final BigDecimal threshold;

	private final RequestOnce requestOnce;

	private final Clock clock;

	private final ApproverGroups approverGroups;

	RepairPlans(JdbcTemplate jdbc, EstateRepository estates, NumberSeries numberSeries, StepJournal journal,
			StaffNames staffNames, Expenses expenses, RepairPlanProperties properties, Clock clock,
			ApproverGroups approverGroups, RequestOnce requestOnce, Intake intake) {
		this.requestOnce = requestOnce;
		this.estates = estates;
		this.jdbc = jdbc;
		this.insert = new SimpleJdbcInsert(jdbc).withTableName("repair_plan").usingGeneratedKeyColumns("id");
		this.numberSeries = numberSeries;
		this.journal = journal;
		this.staffNames = staffNames;
		this.expenses = expenses;
		this.threshold = properties.consultationThreshold().setScale(2, RoundingMode.UNNECESSARY);
		this.clock = clock;
		this.approverGroups = approverGroups;
		this.intake = intake;
	}

	record Draft(String requestId, RepairScale scale, String item, String facility, String reason,
			String constructionPlan, BigDecimal budget, LocalDate plannedStart, LocalDate plannedEnd) {
	}

	record Drafted(String planNumber, String processInstanceId) {
	}

	record Plan(long id, String number, int year, RepairScale scale, String item, String facility, String reason,
			String constructionPlan, BigDecimal budget, LocalDate plannedStart, LocalDate plannedEnd,
			RepairPlanStatus status, String draftedBy, Instant draftedAt, String processInstanceId,
			Boolean consultationNeeded, BigDecimal finalAccount, BigDecimal variance, String varianceExplanation,
			String acceptedBy, LocalDate acceptedOn, Integer progress) {

		public String scaleLabel() {
			return scale.label();
		}

		public String statusLabel() {
			return status.label();
		}

		/** Works still going on after their planned end. */
		public boolean isOverdueOn(LocalDate day) {
			return (status == RepairPlanStatus.WORKS || status == RepairPlanStatus.ACCEPTANCE) && day.isAfter(plannedEnd);
		}

		/** 超支 or 节余 and the amount, or 与预算一致. */
		public String varianceLabel() {
			if (variance == null) {
				return "";
			}
			return switch (variance.signum()) {
				case 1 -> "超支 " + variance.toPlainString() + " 元";
				case -1 -> "节余 " + variance.negate().toPlainString() + " 元";
				default -> "与预算一致";
			};
		}

	}

	record Progress(int percent, String note, String recordedBy, String recordedByName, Instant recordedAt) {
	}

	/** A year's plans with their budgets and final accounts added up. */
	static final int ALL_YEARS = 0;

	record Year(int year, List<Plan> plans, BigDecimal budgets, BigDecimal finalAccounts) {
	}

	/** Drafts the plan and starts its process as the system, after checking the caller and the plan. */
	Drafted draft(Draft draft, Staff staff) {
		return requestOnce.apply(() -> draftOnce(draft, staff));
	}

	private Drafted draftOnce(Draft draft, Staff staff) {
		staff.require("只有管理处主任可以拟定大、中修计划", StaffGroup.DIRECTOR);
		if (draft.requestId() != null) {
			List<Drafted> earlier = jdbc.query(
					"select plan_number, process_instance_id from repair_plan where request_id = ? and estate_id = ?",
					(rs, i) -> new Drafted(rs.getString(1), rs.getString(2)), draft.requestId(), staff.estateId());
			if (!earlier.isEmpty()) {
				return earlier.get(0);
			}
		}
		check(draft);
		String reviewGroup = approverGroups.approving(StaffGroup.DIRECTOR, StaffGroup.MANAGER, staff);
		int year = draft.plannedStart().getYear();
		String number = numberSeries.next(estateCode(), "WXJH-" + year, 3);
		BigDecimal budget = draft.budget().setScale(2, RoundingMode.UNNECESSARY);
		Map<String, Object> row = new HashMap<>();
		row.put("estate_id", staff.estateId());
		row.put("plan_number", number);
		row.put("request_id", draft.requestId());
		row.put("plan_year", year);
		row.put("scale", draft.scale().name());
		row.put("item", draft.item().strip());
		row.put("facility", draft.facility().strip());
		row.put("reason", draft.reason().strip());
		row.put("construction_plan", draft.constructionPlan().strip());
		row.put("budget", budget);
		row.put("planned_start", Date.valueOf(draft.plannedStart()));
		row.put("planned_end", Date.valueOf(draft.plannedEnd()));
		row.put("status", RepairPlanStatus.REVIEW.name());
		row.put("drafted_by", staff.id());
		row.put("drafted_at", Timestamp.from(clock.instant()));
		long id = insert.executeAndReturnKey(row).longValue();
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CASE_NUMBER, number);
		variables.put(Var.CATEGORY, draft.scale().label() + "计划");
		variables.put(Var.URGENCY_LABEL, "一般");
		variables.put(Var.ITEM, draft.item().strip());
		variables.put(Var.FACILITY, draft.facility().strip());
		variables.put(Var.BUDGET, budget.toPlainString());
		variables.put(Var.PLANNED_START, draft.plannedStart().toString());
		variables.put(Var.PLANNED_END, draft.plannedEnd().toString());
		variables.put(Var.DETAILS_PATH, "/repair-plans/" + number);
		variables.put(Var.REQUESTED_BY, staff.id());
		variables.put(Var.REVIEW_GROUP, reviewGroup);
		String processInstanceId = intake.start(RepairPlanProcess.KEY, number, variables, journal, number,
				new FirstStep("拟定" + draft.scale().label() + "计划，预算 " + budget.toPlainString() + " 元", staff.id(),
						null));
		jdbc.update("update repair_plan set process_instance_id = ? where id = ?", processInstanceId, id);
		return new Drafted(number, processInstanceId);
	}

	private void check(Draft draft) {
		if (draft.scale() == null) {
			throw new BadInputException("请选择大修或中修");
		}
		if (blank(draft.item()) || blank(draft.facility()) || blank(draft.reason()) || blank(draft.constructionPlan())) {
			throw new BadInputException("请填写维修项目、设施、维修原因和施工方案");
		}
		if (draft.item().strip().length() > 100 || draft.facility().strip().length() > 100
				|| draft.reason().strip().length() > 1000 || draft.constructionPlan().strip().length() > 2000) {
			throw new BadInputException("维修项目和设施最多 100 个字，维修原因最多 1000 个字，施工方案最多 2000 个字");
		}
		if (draft.budget() == null || draft.budget().signum() <= 0 || draft.budget().scale() > 2
				&& draft.budget().stripTrailingZeros().scale() > 2 || draft.budget().compareTo(MAX_AMOUNT) > 0) {
			throw new BadInputException("预算应为大于 0 的金额（元），最多两位小数，不超过 99999999.99");
		}
		if (draft.plannedStart() == null || draft.plannedEnd() == null) {
			throw new BadInputException("请填写计划开工和完工日期");
		}
		if (draft.plannedEnd().isBefore(draft.plannedStart())) {
			throw new BadInputException("计划完工日期不能早于开工日期");
		}
		LocalDate today = LocalDate.now(clock);
		if (draft.plannedStart().getYear() < today.getYear() - 1 || draft.plannedStart().getYear() > today.getYear() + 5) {
			throw new BusinessRuleException(
					"计划开工年度应在 " + (today.getYear() - 1) + " 至 " + (today.getYear() + 5) + " 年之间");
		}
		if (draft.plannedEnd().isAfter(draft.plannedStart().plusYears(3))) {
			throw new BusinessRuleException("计划工期不能超过三年，请分期拟定");
		}
	}

	/** The plan the system acts on, whichever estate's. */
	Plan byNumber(String number) {
		return jdbc.query(COLUMNS + " where p.plan_number = ?", this::plan, number)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("维修计划不存在：" + number));
	}

	Plan byNumber(long estateId, String number) {
		return jdbc.query(COLUMNS + " where p.plan_number = ? and p.estate_id = ?", this::plan, number, estateId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("维修计划不存在：" + number));
	}

	/** The estate's plans of a year, by number, with the totals. */
	Year ofYear(long estateId, int year) {
		return totals(year, jdbc.query(COLUMNS + " where p.estate_id = ? and p.plan_year = ? order by p.plan_number",
				this::plan, estateId, year));
	}

	/** The estate's plans of every year, the latest year first, with the totals; its year is {@value #ALL_YEARS}. */
	Year ofAllYears(long estateId) {
		return totals(ALL_YEARS, jdbc.query(
				COLUMNS + " where p.estate_id = ? order by p.plan_year desc, p.plan_number", this::plan, estateId));
	}

	private static Year totals(int year, List<Plan> plans) {
		BigDecimal budgets = plans.stream()
			.filter(p -> p.status() != RepairPlanStatus.REJECTED && p.status() != RepairPlanStatus.NOT_AGREED)
			.map(Plan::budget)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal finalAccounts = plans.stream()
			.map(Plan::finalAccount)
			.filter(amount -> amount != null)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		return new Year(year, plans, budgets, finalAccounts);
	}

	/** The years that have plans, and this year, newest first. */
	List<Integer> years(long estateId) {
		List<Integer> years = new java.util.ArrayList<>(jdbc.queryForList(
				"select distinct plan_year from repair_plan where estate_id = ? order by plan_year desc", Integer.class,
				estateId));
		int thisYear = LocalDate.now(clock).getYear();
		if (!years.contains(thisYear)) {
			years.add(thisYear);
			years.sort(java.util.Comparator.reverseOrder());
		}
		return years;
	}

	List<Progress> progress(String number) {
		return jdbc.query("""
				select g.percent, g.note, g.recorded_by, g.recorded_at from repair_progress g
				  join repair_plan p on p.id = g.plan_id where p.plan_number = ? order by g.id""",
				(rs, i) -> new Progress(rs.getInt(1), rs.getString(2), rs.getString(3), staffNames.of(rs.getString(3)),
						rs.getTimestamp(4).toInstant()),
				number);
	}

	/** Engineering or the director records how far the works have got, while they run. */
	@Transactional
	Progress recordProgress(String number, Integer percent, String note, Staff staff) {
		staff.require("只有工程部和管理处主任可以登记施工进度", StaffGroup.ENGINEERING, StaffGroup.DIRECTOR);
		Plan plan = byNumber(staff.estateId(), number);
		if (percent == null || percent < 0 || percent > 100) {
			throw new BadInputException("完成进度应为 0 至 100 的整数（百分比）");
		}
		String text = note == null ? "" : note.strip();
		if (text.isEmpty() || text.length() > 500) {
			throw new BadInputException("请写明施工情况（最多 500 个字）");
		}
		if (plan.status() != RepairPlanStatus.WORKS) {
			throw new BusinessRuleException("计划" + plan.statusLabel() + "，现在不能登记施工进度");
		}
		if (plan.progress() != null && percent < plan.progress()) {
			throw new BusinessRuleException("完成进度不能低于已登记的 " + plan.progress() + "%");
		}
		Instant now = clock.instant();
		jdbc.update("insert into repair_progress (plan_id, percent, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?)",
				plan.id(), percent, text, staff.id(), Timestamp.from(now));
		journal.record(number, "登记施工进度 " + percent + "%", staff.id(), text);
		return new Progress(percent, text, staff.id(), staffNames.of(staff.id()), now);
	}

	/** Whether the works are reported at 100 % since they were last sent back. */
	boolean isReadyForAcceptance(String number) {
		return jdbc.queryForObject("""
				select count(*) from repair_progress g join repair_plan p on p.id = g.plan_id
				 where p.plan_number = ? and g.percent = 100 and (p.rework_since is null or g.recorded_at >= p.rework_since)""",
				Integer.class, number) > 0;
	}

	/** Whether a budget is over the threshold above which the manager and the owners' representatives are consulted. */
	boolean needsConsultation(BigDecimal budget) {
		return budget.compareTo(threshold) > 0;
	}

	BigDecimal threshold() {
		return threshold;
	}

	/** The director's review: rejected, or on to the consultation or the works; returns whether to consult. */
	boolean reviewed(String number, boolean approved) {
		Plan plan = byNumber(number);
		boolean consult = needsConsultation(plan.budget());
		RepairPlanStatus next = !approved ? RepairPlanStatus.REJECTED
				: consult ? RepairPlanStatus.CONSULTATION : RepairPlanStatus.WORKS;
		jdbc.update("update repair_plan set status = ?, consultation_needed = ? where id = ?", next.name(), consult,
				plan.id());
		return consult;
	}

	void consulted(String number, boolean agreed) {
		changeStatus(number, agreed ? RepairPlanStatus.WORKS : RepairPlanStatus.NOT_AGREED);
	}

	void worksDone(String number) {
		changeStatus(number, RepairPlanStatus.ACCEPTANCE);
	}

	/** Acceptance failed: the works go on, and need a new report of completion. */
	void sentBack(String number) {
		jdbc.update("update repair_plan set status = ?, rework_since = ? where plan_number = ?",
				RepairPlanStatus.WORKS.name(), Timestamp.from(clock.instant()), number);
	}

	/**
	 * The final account as the acceptance form gives it, checked against the plan: an amount in
	 * yuan to the fen, and an explanation whenever it differs from the budget. Refuses (400, the
	 * reason in Chinese) otherwise.
	 */
	BigDecimal finalAccount(Plan plan, Object given, Object explanation) {
		String text = given == null ? "" : given.toString().strip();
		if (!AMOUNT.matcher(text).matches()) {
			throw new BadInputException("验收合格时请填写决算金额（元，最多两位小数），如 123456.78");
		}
		BigDecimal amount = new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
		if (amount.signum() <= 0) {
			throw new BadInputException("决算金额必须大于 0");
		}
		BigDecimal variance = variance(plan.budget(), amount);
		if (variance.signum() != 0 && (explanation == null || explanation.toString().isBlank())) {
			throw new BadInputException("决算 " + amount.toPlainString() + " 元与预算 " + plan.budget().toPlainString() + " 元相差 "
					+ variance.toPlainString() + " 元，请说明差异原因");
		}
		return amount;
	}

	/** 决算 − 预算, to the fen: positive over budget, negative under. */
	static BigDecimal variance(BigDecimal budget, BigDecimal finalAccount) {
		return finalAccount.setScale(2, RoundingMode.UNNECESSARY).subtract(budget.setScale(2, RoundingMode.UNNECESSARY));
	}

	/**
	 * The works passed acceptance: the final account and its variance are kept, and the cost is
	 * entered once as an expense of this month under {@value #EXPENSE_CATEGORY}.
	 */
	@Transactional
	Plan accept(String number, BigDecimal finalAccount, String explanation, String acceptedBy, String estateCode) {
		Plan plan = byNumber(number);
		if (plan.status() == RepairPlanStatus.COMPLETED) {
			return plan;
		}
		BigDecimal variance = variance(plan.budget(), finalAccount);
		LocalDate today = LocalDate.now(clock);
		String text = explanation == null || explanation.isBlank() ? null : explanation.strip();
		jdbc.update("""
				update repair_plan set status = ?, final_account = ?, variance = ?, variance_explanation = ?, accepted_by = ?,
				       accepted_on = ? where id = ?""", RepairPlanStatus.COMPLETED.name(), finalAccount, variance, text,
				acceptedBy, Date.valueOf(today), plan.id());
		expenses.enterOnce(estateCode, number, YearMonth.from(today), EXPENSE_CATEGORY, finalAccount,
				plan.scale().label() + "决算：" + plan.item() + "（" + number + "）", acceptedBy);
		journal.record(number, "竣工验收合格，决算入账", acceptedBy, "决算 " + finalAccount.toPlainString() + " 元，预算 "
				+ plan.budget().toPlainString() + " 元，" + byNumber(number).varianceLabel()
				+ (text == null ? "" : "；差异说明：" + text));
		return byNumber(number);
	}

	// Plans are the estate's, not a unit's; until they carry their estate, the one estate there is.
	private String estateCode() {
		return estates.findFirstByOrderByIdAsc().orElseThrow().getCode();
	}

	private void changeStatus(String number, RepairPlanStatus status) {
		jdbc.update("update repair_plan set status = ? where plan_number = ?", status.name(), number);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private Plan plan(ResultSet rs, int row) throws SQLException {
		Date acceptedOn = rs.getDate(21);
		return new Plan(rs.getLong(1), rs.getString(2), rs.getInt(3), RepairScale.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
				rs.getDate(10).toLocalDate(), rs.getDate(11).toLocalDate(), RepairPlanStatus.valueOf(rs.getString(12)),
				rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getObject(16, Boolean.class),
				rs.getBigDecimal(17), rs.getBigDecimal(18), rs.getString(19), rs.getString(20),
				acceptedOn == null ? null : acceptedOn.toLocalDate(), rs.getObject(22, Integer.class));
	}

}
