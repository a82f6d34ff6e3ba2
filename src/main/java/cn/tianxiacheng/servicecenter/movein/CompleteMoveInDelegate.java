package cn.tianxiacheng.servicecenter.movein;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.movein.MoveIns.MoveIn;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 建立业主档案、登记入住 ({@code Task_CompleteMoveIn}), after the handover's commit: the papers and
 * the handover count only when reception did them; then {@link MoveIns#complete} moves the
 * household in with the handover's readings and defects.
 */
@Component
class CompleteMoveInDelegate implements JavaDelegate {

	private static final String[] METERS = { "WATER", "ELECTRICITY", "GAS" };

	private final MoveIns moveIns;

	private final CompletedTasks completedTasks;

	CompleteMoveInDelegate(MoveIns moveIns, CompletedTasks completedTasks) {
		this.moveIns = moveIns;
		this.completedTasks = completedTasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MoveIn moveIn = moveIns.open(execution.getProcessBusinessKey());
		completedTasks.completedByItsGroup(execution, MoveInProcess.Element.CHECK_DOCUMENTS);
		completedTasks.completedByItsGroup(execution, MoveInProcess.Element.INSPECT_AND_HAND_OVER);
		execution.setVariable(MoveInProcess.Var.DEFECT_CASES,
				moveIns.complete(moveIn, meterReadings(execution), defects(execution)));
	}

	/** The readings entered at the handover, by meter in the order they are recorded. */
	private static Map<String, String> meterReadings(DelegateExecution execution) {
		Map<String, String> readings = new LinkedHashMap<>();
		for (String meter : METERS) {
			Object reading = execution.getVariable(meter.toLowerCase() + "Reading");
			if (reading != null) {
				readings.put(meter, reading.toString());
			}
		}
		return readings;
	}

	/** The defects found at the inspection, one a line of the handover form. */
	private static List<String> defects(DelegateExecution execution) {
		Object text = execution.getVariable(MoveInProcess.Var.DEFECTS);
		return text == null ? List.of()
				: text.toString().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
