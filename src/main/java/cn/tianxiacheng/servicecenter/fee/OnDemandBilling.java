package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess.Var;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * 生成账单 on demand: cashiers and the manager start {@code FeeBillingProcess} for a month or
 * a heating season of the estate they work in (the instance carries its tenant), from the counter
 * or the API. The counter first shows what the run would
 * issue (units, amount per fee item, total) and starts it only when that is confirmed, once per
 * request id. The process is started by its message, as the system, once the role is checked here.
 */
@Service
class OnDemandBilling {

	private static final String REFUSAL = "您的岗位不能生成账单：由收费员或经理办理";

	enum Kind {

		MONTHLY, HEATING;

		/** The run's name as staff read it: 2026年12月 月度账单, 2026年 采暖季账单. */
		String label(String period) {
			return BillPeriods.runLabel(this, period);
		}

	}

	record BillingRun(String processInstanceId, String businessKey) {
	}

	/** One fee item's part of a preview. */
	record ItemTotal(String item, int bills, BigDecimal amount) {
	}

	/** What a run would issue now: the units billed, each fee item's bills and amount, the total. */
	record Preview(Kind kind, String period, String label, int units, List<ItemTotal> items, int bills, BigDecimal total,
			int alreadyIssued) {
	}

	/** A run asked for after its preview, with the preview's figures. */
	record Requested(String requestId, String label, String processInstanceId, int units, int bills, BigDecimal total,
			String requestedBy, Instant requestedAt) {
	}

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final FeeProperties properties;

	private final BillingRuns billingRuns;

	private final FeeItemRepository items;

	private final RequestOnce requestOnce;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	OnDemandBilling(RuntimeService runtimeService, EngineAsSystem asSystem, FeeProperties properties,
			BillingRuns billingRuns, FeeItemRepository items, RequestOnce requestOnce, JdbcTemplate jdbc, Clock clock) {
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.properties = properties;
		this.billingRuns = billingRuns;
		this.items = items;
		this.requestOnce = requestOnce;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Starts the run: the period is a month ({@code 2026-11}) or a heating season's first year ({@code 2026}). */
	BillingRun start(Kind kind, String period, Staff staff) {
		staff.require(REFUSAL, StaffGroup.CASHIER, StaffGroup.MANAGER);
		properties.requireBillable(kind == Kind.HEATING
				? YearMonth.of(Integer.parseInt(period), properties.seasonStart().getMonth()) : YearMonth.parse(period),
				LocalDate.now(clock));
		String businessKey = "BILLING-" + kind + "-" + period;
		ProcessInstance instance = asSystem
			.call(() -> runtimeService.createMessageCorrelation(FeeBillingProcess.BILLING_REQUESTED)
				.processInstanceBusinessKey(businessKey)
				.setVariables(Map.of(Var.KIND, kind.name(), Var.PERIOD, period, Var.STARTED_BY, staff.id(), Var.ESTATE_ID,
						staff.estateId()))
				.correlateStartMessage());
		return new BillingRun(instance.getId(), businessKey);
	}

	/** What the run would issue if it were started now; nothing is issued. */
	Preview preview(Kind kind, String period, Staff staff) {
		staff.require(REFUSAL, StaffGroup.CASHIER, StaffGroup.MANAGER);
		long estateId = staff.estateId();
		BillingRuns.Plan plan = kind == Kind.HEATING
				? billingRuns.heatingBills(Integer.parseInt(period), estateId, false)
				: billingRuns.monthlyBills(YearMonth.parse(period), estateId, false);
		Map<Long, String> names = items.findByEstateIdOrderById(estateId).stream()
			.collect(Collectors.toMap(FeeItem::getId, FeeItem::getName));
		Map<String, List<NewBill>> byItem = plan.bills().stream()
			.collect(Collectors.groupingBy(bill -> names.get(bill.feeItemId()), LinkedHashMap::new, Collectors.toList()));
		List<ItemTotal> lines = byItem.entrySet().stream()
			.map(item -> new ItemTotal(item.getKey(), item.getValue().size(),
					item.getValue().stream().map(NewBill::amount).reduce(Money.ZERO, BigDecimal::add)))
			.toList();
		int units = (int) plan.bills().stream().map(NewBill::unitId).distinct().count();
		return new Preview(kind, period, kind.label(period), units, lines, plan.bills().size(), plan.total(),
				plan.already());
	}

	/**
	 * Starts the run the staff member confirmed, once per request id: a retry answers with the
	 * first run (the same id for another run is 409). A preview that no longer holds (bills issued, a rate changed meanwhile) is refused:
	 * the staff member looks at the new one. A script that sends no figures takes the run as it is.
	 */
	Requested confirm(String requestId, Kind kind, String period, Integer units, BigDecimal total, Staff staff) {
		staff.require(REFUSAL, StaffGroup.CASHIER, StaffGroup.MANAGER);
		return requestOnce.apply(() -> requested(requestId, staff).map(first -> {
			if (!first.label().equals(kind.label(period))) {
				throw new ConflictException("请求编号 " + requestId + " 已用于生成" + first.label() + "，请使用新的请求编号");
			}
			return first;
		}).orElseGet(() -> {
			if (jdbc.queryForObject("select count(*) from billing_run_request where request_id = ?", Integer.class,
					requestId) > 0) {
				throw new ConflictException("请求编号 " + requestId + " 已被使用，请使用新的请求编号");
			}
			Preview now = preview(kind, period, staff);
			if (units != null && (now.units() != units || now.total().compareTo(total) != 0)) {
				throw new ConflictException("预览之后账单有变化（现为 " + now.units() + " 户，合计 " + now.total()
						+ " 元），请重新预览后再确认");
			}
			BillingRun run = start(kind, period, staff);
			Instant at = clock.instant();
			jdbc.update("""
					insert into billing_run_request (request_id, kind, period, process_instance_id, units, bills, total,
					                                 requested_by, requested_at, estate_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", requestId, kind.name(), period, run.processInstanceId(),
					now.units(), now.bills(), now.total(), staff.id(), Timestamp.from(at), staff.estateId());
			return new Requested(requestId, now.label(), run.processInstanceId(), now.units(), now.bills(), now.total(),
					staff.id(), at);
		}));
	}

	/** The run asked for with the request id in the staff member's estate: another estate's is none. */
	Optional<Requested> requested(String requestId, Staff staff) {
		return requestOnce.earlier(requestId, """
				select request_id, kind, period, process_instance_id, units, bills, total, requested_by, requested_at
				  from billing_run_request where request_id = ? and estate_id = %d""".formatted(staff.estateId()),
				REQUESTED);
	}

	private static final RowMapper<Requested> REQUESTED = (rs, i) -> new Requested(rs.getString(1),
			Kind.valueOf(rs.getString(2)).label(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getInt(6),
			Money.yuan(rs.getBigDecimal(7)), rs.getString(8), rs.getTimestamp(9).toInstant());

}
