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
		if (!(task.getVariable(KIND) instanceof String kind) || kind.isBlank()) {
			throw new BadInputException("请选择补偿方式：抵扣物业费或现金赔付");
		}
		ServiceCase serviceCase = cases.findByCaseNumber(task.getExecution().getProcessBusinessKey()).orElseThrow();
		compensations.grant(serviceCase.getCaseNumber(), serviceCase.getUnitId(), amount, Kind.valueOf(kind), task.getId(),
				task.getAssignee());
	}

}
