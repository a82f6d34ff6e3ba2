package cn.tianxiacheng.servicecenter.movein;

import java.math.BigDecimal;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The hand-over's figures, checked when the task is completed rather than when the move-in is
 * recorded later: meter readings not negative, keys and access cards whole numbers within the
 * form's limits ({@code movein-handover.form}).
 */
@Component("handOverListener")
class HandOverListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		for (String[] meter : new String[][] { { "waterReading", "水表读数" }, { "electricityReading", "电表读数" },
				{ "gasReading", "燃气表读数" } }) {
			Object reading = task.getVariable(meter[0]);
			if (reading != null && (!(reading instanceof Number number) || new BigDecimal(number.toString()).signum() < 0)) {
				throw new BadInputException("“" + meter[1] + "”应为不小于 0 的数");
			}
		}
		count(task, "keysHandedOver", "移交钥匙（把）", 1);
		count(task, "accessCardsHandedOver", "移交门禁卡（张）", 0);
	}

	private static void count(DelegateTask task, String name, String label, long min) {
		Object count = task.getVariable(name);
		boolean whole = count instanceof Integer || count instanceof Long || count instanceof Short;
		if (count != null && (!whole || ((Number) count).longValue() < min)) {
			throw new BadInputException("“" + label + "”应为不小于 " + min + " 的整数");
		}
	}

}
