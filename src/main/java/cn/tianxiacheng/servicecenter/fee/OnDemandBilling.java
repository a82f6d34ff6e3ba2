package cn.tianxiacheng.servicecenter.fee;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess.Var;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * 生成账单 on demand: cashiers and the manager start {@code FeeBillingProcess} for a month or
 * a heating season, from the counter or the API. The process is started by its message, as the
 * system, once the role is checked here.
 */
@Service
class OnDemandBilling {

	enum Kind {

		MONTHLY, HEATING

	}

	record BillingRun(String processInstanceId, String businessKey) {
	}

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final FeeProperties properties;

	private final Clock clock;

	OnDemandBilling(RuntimeService runtimeService, EngineAsSystem asSystem, FeeProperties properties, Clock clock) {
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.properties = properties;
		this.clock = clock;
	}

	/** Starts the run: the period is a month ({@code 2026-11}) or a heating season's first year ({@code 2026}). */
	BillingRun start(Kind kind, String period, Staff staff) {
		staff.require("您的岗位不能生成账单：由收费员或经理办理", StaffGroup.CASHIER, StaffGroup.MANAGER);
		properties.requireBillable(kind == Kind.HEATING
				? YearMonth.of(Integer.parseInt(period), properties.seasonStart().getMonth()) : YearMonth.parse(period),
				LocalDate.now(clock));
		String businessKey = "BILLING-" + kind + "-" + period;
		ProcessInstance instance = asSystem
			.call(() -> runtimeService.createMessageCorrelation(FeeBillingProcess.BILLING_REQUESTED)
				.processInstanceBusinessKey(businessKey)
				.setVariables(Map.of(Var.KIND, kind.name(), Var.PERIOD, period, Var.STARTED_BY, staff.id()))
				.correlateStartMessage());
		return new BillingRun(instance.getId(), businessKey);
	}

}
