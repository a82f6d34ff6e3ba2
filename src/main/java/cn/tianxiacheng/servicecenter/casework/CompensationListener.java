package cn.tianxiacheng.servicecenter.casework;

import java.math.BigDecimal;

import cn.tianxiacheng.servicecenter.fee.Compensations.Kind;
import cn.tianxiacheng.servicecenter.fee.Compensations;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The manager's compensation (补偿) when resolving a complaint: recorded in the fee ledger in the
 * same transaction as the decision, as a credit to the unit's account or a cash payout. The
 * amounts of an earlier decision are cleared when the task opens again, so one decision never
 * grants twice.
 */
@Component("compensationListener")
class CompensationListener implements TaskListener {

	static final String AMOUNT = "compensation";

	static final String KIND = "compensationKind";

	/** The largest compensation the manager's form allows ({@code complaint-manager.form}). */
	static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(50_000);

	private final Compensations compensations;

	private final ServiceCaseRepository cases;

	CompensationListener(Compensations compensations, ServiceCaseRepository cases) {
		this.compensations = compensations;
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			task.getExecution().removeVariable(AMOUNT);
			task.getExecution().removeVariable(KIND);
			return;
		}
		if (!"RESOLVED".equals(task.getVariable("managerDecision"))
				|| !(task.getVariable(AMOUNT) instanceof Number number)) {
			return;
		}
		BigDecimal amount = new BigDecimal(number.toString());
		if (amount.signum() == 0) {
			return;
		}
		if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
			throw new BadInputException("“补偿金额”应在 0 到 " + MAX_AMOUNT.toPlainString() + " 元之间");
		}
		if (!(task.getVariable(KIND) instanceof String kind) || kind.isBlank()) {
			throw new BadInputException("请选择补偿方式：抵扣物业费或现金赔付");
		}
		ServiceCase serviceCase = cases.findByCaseNumber(task.getExecution().getProcessBusinessKey()).orElseThrow();
		compensations.grant(serviceCase.getCaseNumber(), serviceCase.getUnitId(), amount, Kind.valueOf(kind), task.getId(),
				task.getAssignee());
	}

}
