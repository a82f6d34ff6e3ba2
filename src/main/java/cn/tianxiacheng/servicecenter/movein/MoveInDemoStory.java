package cn.tianxiacheng.servicecenter.movein;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.fee.DemoCounter;
import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.movein.MoveInProcess.Element;
import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's move-ins: new owners of vacant homes come to reception with their papers, sign the
 * agreements, pay the opening fees at the counter two days later (or with their other dues at the
 * counter) and get the keys two days after; defects found at the hand-over become repairs. The
 * latest still waits for its keys.
 */
@Component
class MoveInDemoStory implements DemoStory {

	/** A new owner: how many days before the present they come, and their (invented) papers. */
	private record Plan(int daysAgo, String name, String idNumber, String defects) {
	}

	private static final List<Plan> PLANS = List.of(new Plan(76, "欧阳明", "130102198804153015", "卫生间地漏堵塞"),
			new Plan(41, "司马静", "130105199107224029", null), new Plan(2, "上官伟", "130104197903095517", null));

	private static final Duration PAYS_AFTER = Duration.ofDays(2);

	private static final Duration KEYS_AFTER = Duration.ofDays(2);

	private final MoveIns moveIns;

	private final Households households;

	private final DemoCounter counter;

	private final TaskService taskService;

	/** The defects each new owner will find at the hand-over, by the move-in's number. */
	private final Map<String, String> defects = new HashMap<>();

	private boolean begun;

	MoveInDemoStory(MoveIns moveIns, Households households, DemoCounter counter, TaskService taskService) {
		this.moveIns = moveIns;
		this.households = households;
		this.counter = counter;
		this.taskService = taskService;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		long daysAgo = ChronoUnit.DAYS.between(day, timeline.today());
		for (Plan plan : PLANS) {
			if (plan.daysAgo() == daysAgo) {
				timeline.at(day, LocalTime.of(10, 0), () -> register(plan, timeline));
			}
		}
		if (begun) {
			timeline.at(day, LocalTime.of(10, 45), () -> workQueue(timeline));
		}
	}

	private void register(Plan plan, DemoTimeline timeline) {
		begun = true;
		MoveIns.Registered registered = timeline.as(timeline.memberOf(StaffGroup.RECEPTION.id()), () -> {
			Staff receptionist = timeline.staff();
			String unitNumber = households.vacantHomes(receptionist.estateId())
				.stream()
				.filter(home -> moveIns.mayMoveInto(home, receptionist.estateId()))
				.findFirst()
				.orElseThrow();
			return moveIns.register(new MoveIns.Registration(UUID.randomUUID().toString(), unitNumber,
					receptionist.workingEstate().code() + "-" + unitNumber,
					List.of(new MoveIns.Person(plan.name(), "本人", plan.idNumber(), "13512345678")), List.of(), List.of()),
					receptionist);
		});
		if (plan.defects() != null) {
			defects.put(registered.caseNumber(), plan.defects());
		}
	}

	private void workQueue(DemoTimeline timeline) {
		for (Task task : timeline.tasks(MoveInProcess.KEY)) {
			Map<String, Object> variables = new HashMap<>();
			switch (task.getTaskDefinitionKey()) {
				case Element.CHECK_DOCUMENTS -> {
					variables.put(MoveInProcess.Var.DOCUMENTS_RESULT, "COMPLETE");
					variables.put(Journal.OPINION, "购房合同、身份证、房款发票齐全");
				}
				case Element.SIGN_AGREEMENTS -> {
					variables.put("rulesSigned", true);
					variables.put("serviceAgreementSigned", true);
					variables.put("decorationNoticeSigned", true);
				}
				case Element.COLLECT_OPENING_FEES -> {
					if (timeline.age(task).compareTo(PAYS_AFTER) >= 0) {
						counter.payAll(moveIns.byCaseNumber(caseNumber(task)).unitId(), timeline);
					}
					continue;
				}
				case Element.INSPECT_AND_HAND_OVER -> {
					if (timeline.age(task).compareTo(KEYS_AFTER) < 0) {
						continue;
					}
					variables.put("waterReading", 12.5);
					variables.put("electricityReading", 30.25);
					variables.put("gasReading", 1.0);
					variables.put("keysHandedOver", 3L);
					variables.put("accessCardsHandedOver", 2L);
					String found = defects.get(caseNumber(task));
					if (found != null) {
						variables.put(MoveInProcess.Var.DEFECTS, found);
					}
				}
				default -> {
					continue;
				}
			}
			timeline.work(task, variables);
		}
	}

	private String caseNumber(Task task) {
		return (String) taskService.getVariable(task.getId(), MoveInProcess.Var.CASE_NUMBER);
	}

}
