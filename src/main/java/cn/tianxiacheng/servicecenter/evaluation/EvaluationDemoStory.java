package cn.tianxiacheng.servicecenter.evaluation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's evaluations: the half-monthly run's timer fires three times before today; the sheets
 * of the first two rounds are scored, confirmed and approved, the last round is still being scored.
 */
@Component
class EvaluationDemoStory implements DemoStory {

	private final TaskService taskService;

	private LocalDate armOn;

	/** The half months' parts of the sheet numbers of the rounds worked to the end. */
	private Set<String> finished;

	EvaluationDemoStory(TaskService taskService) {
		this.taskService = taskService;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		if (armOn == null) {
			List<LocalDate> runs = lastRunDays(timeline.today(), 3);
			armOn = runs.get(0).minusDays(1);
			finished = Set.of(EvaluationSheets.periodPart(HalfMonth.endedBefore(runs.get(0))),
					EvaluationSheets.periodPart(HalfMonth.endedBefore(runs.get(1))));
		}
		if (day.equals(armOn)) {
			timeline.armTimer(StaffEvaluationProcess.RUN_KEY);
		}
		if (day.isAfter(armOn)) {
			timeline.at(day, LocalTime.of(11, 0), () -> workSheets(timeline));
			timeline.at(day, LocalTime.of(16, 30), () -> workSheets(timeline));
		}
	}

	/** The 1st and 16th before today, the last {@code count} of them, oldest first. */
	private static List<LocalDate> lastRunDays(LocalDate today, int count) {
		List<LocalDate> runs = new ArrayList<>();
		for (LocalDate day = today.minusDays(1); runs.size() < count; day = day.minusDays(1)) {
			if (day.getDayOfMonth() == 1 || day.getDayOfMonth() == 16) {
				runs.add(0, day);
			}
		}
		return runs;
	}

	private void workSheets(DemoTimeline timeline) {
		for (Task task : timeline.tasks(StaffEvaluationProcess.KEY)) {
			String number = (String) taskService.getVariable(task.getId(), "caseNumber");
			if (finished.stream().anyMatch(number::contains)) {
				timeline.work(task, variables(task.getTaskDefinitionKey(), timeline.random()));
			}
		}
	}

	private static Map<String, Object> variables(String taskKey, Random random) {
		Map<String, Object> variables = new HashMap<>();
		switch (taskKey) {
			case StaffEvaluationProcess.Element.SUPERVISOR_SCORES -> {
				variables.put("attitude", 6 + random.nextInt(5));
				variables.put("appearance", 7 + random.nextInt(4));
				variables.put("training", 5 + random.nextInt(6));
				variables.put("comment", random.nextBoolean() ? "工作认真，服务热情" : "响应及时，注意按时办结");
			}
			case StaffEvaluationProcess.Element.STAFF_CONFIRMS -> variables.put(StaffEvaluationProcess.Var.RESPONSE, "CONFIRM");
			default -> variables.put("opinion", "同意");
		}
		return variables;
	}

}
