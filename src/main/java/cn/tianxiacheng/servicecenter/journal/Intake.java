package cn.tianxiacheng.servicecenter.journal;

import java.util.Map;

import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * What every intake of a record with a journal and a process does once the record is written
 * (numbered by {@code NumberSeries}): keeps its first step and starts its process as the system
 * (the intake checked the request itself), the first step shown to the first task. The intake
 * writes the process instance id onto its own record.
 */
@Component
public class Intake {

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	Intake(RuntimeService runtimeService, EngineAsSystem asSystem) {
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
	}

	/**
	 * Keeps the record's first step, adds the recent steps to the variables and starts the process
	 * with the record's number as its business key; returns the process instance id.
	 */
	public <K> String start(String processKey, String number, Map<String, Object> variables, Journal<K> journal,
			K key, FirstStep firstStep) {
		journal.record(key, firstStep.step(), firstStep.handledBy(), firstStep.opinion());
		variables.put(Journal.RECENT_STEPS, journal.recentSteps(key));
		return asSystem.call(() -> runtimeService.startProcessInstanceByKey(processKey, number, variables)).getId();
	}

	/** The step that opens a record's journal: what was done, by whom, and an opinion or none. */
	public record FirstStep(String step, String handledBy, String opinion) {
	}

}
