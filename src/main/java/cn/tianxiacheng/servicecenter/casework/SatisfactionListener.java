package cn.tianxiacheng.servicecenter.casework;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The owner's satisfaction, checked where the visit uses it (the gateway reopens a case at 2 or
 * less, the dashboard averages it): an owner reached gives a whole number from 1 to 5, whatever
 * door the answer came through.
 */
@Component("satisfactionListener")
class SatisfactionListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		if (!Boolean.TRUE.equals(task.getVariable("reached"))) {
			return;
		}
		Object satisfaction = task.getVariable(ReturnVisitProcess.SATISFACTION);
		boolean whole = satisfaction instanceof Integer || satisfaction instanceof Long || satisfaction instanceof Short;
		if (!whole || ((Number) satisfaction).longValue() < ReturnVisitProcess.SATISFACTION_MIN
				|| ((Number) satisfaction).longValue() > ReturnVisitProcess.SATISFACTION_MAX) {
			throw new BadInputException("“满意度”应为 " + ReturnVisitProcess.SATISFACTION_MIN + " 到 "
					+ ReturnVisitProcess.SATISFACTION_MAX + " 的整数");
		}
	}

}
