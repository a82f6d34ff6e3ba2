package cn.tianxiacheng.servicecenter.decoration;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.fee.DemoCounter;
import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's decorations: three owners apply at reception. The first's works run six weeks, are
 * inspected every few days and accepted (the deposit is held for the observation period); the
 * second's are under way at the present; the third waits for engineering's review. Fees are
 * paid at the counter; inspections now and then find waste in the stairwell, soon cleared.
 */
@Component
class DecorationDemoStory implements DemoStory {

	/** An application: how many days before the present, and how many days of works. */
	private record Plan(int daysAgo, int worksDays, boolean completes) {
	}

	private static final List<Plan> PLANS = List.of(new Plan(82, 40, true), new Plan(45, 75, false),
			new Plan(2, 60, false));

	/** Engineering reviews a plan within days, not hours: the last application still waits. */
	private static final Duration REVIEW_TAKES = Duration.ofDays(3);

	private static final String HOURS = "8:00–12:00，14:00–18:00；法定节假日不得进行产生噪音的施工";

	private final DecorationApplications applications;

	private final DecorationInspections inspections;

	private final Decorations decorations;

	private final Households households;

	private final DemoCounter counter;

	private final TaskService taskService;

	private final Set<Long> unitsTaken = new HashSet<>();

	DecorationDemoStory(DecorationApplications applications, DecorationInspections inspections, Decorations decorations,
			Households households, DemoCounter counter, TaskService taskService) {
		this.applications = applications;
		this.inspections = inspections;
		this.decorations = decorations;
		this.households = households;
		this.counter = counter;
		this.taskService = taskService;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		long daysAgo = ChronoUnit.DAYS.between(day, timeline.today());
		for (Plan plan : PLANS) {
			if (plan.daysAgo() == daysAgo) {
				timeline.at(day, LocalTime.of(10, 20), () -> apply(plan, timeline));
			}
		}
		if (!unitsTaken.isEmpty()) {
			timeline.at(day, LocalTime.of(9, 40), () -> workQueue(timeline));
		}
	}

	private void apply(Plan plan, DemoTimeline timeline) {
		String receptionist = timeline.memberOf("reception");
		timeline.as(receptionist, () -> {
			apply(plan, timeline, receptionist, timeline.staff());
			return null;
		});
	}

	/** An application of an owner of the receptionist's estate. */
	private void apply(Plan plan, DemoTimeline timeline, String receptionist, Staff staff) {
		List<Households.OccupiedUnit> occupied = households.occupied(staff.estateId(), List.of());
		Households.OccupiedUnit unit;
		Optional<String> owner;
		do {
			unit = occupied.get(timeline.random().nextInt(occupied.size()));
			owner = households.firstOwner(unit.id());
		}
		while (owner.isEmpty() || !unitsTaken.add(unit.id()));
		LocalDate start = LocalDate.ofInstant(timeline.now(), timeline.zone()).plusDays(2);
		LocalDate end = start.plusDays(plan.worksDays());
		DecorationApplications.Application application = new DecorationApplications.Application(
				UUID.randomUUID().toString(), unit.number(), ApplicantRole.OWNER.name(), owner.get(), "13911223344",
				"天下城美居装饰工程有限公司", "D213012345", "赵建军", "13755667788",
				List.of(new DecorationApplications.Worker("王建国", "110101198506122034", "水电工"),
						new DecorationApplications.Worker("李木生", "130102199201013018", "木工")),
				start, end, "厨卫翻新、全屋木地板、墙面乳胶漆", List.of("WATERPROOFING", "ELECTRICAL_REWIRING"));
		DecorationApplications.Applied applied = applications.apply(application, staff);
		if (plan.completes()) {
			timeline.at(end.minusDays(3), LocalTime.of(10, 0), () -> timeline.as(receptionist, () -> {
				inspections.applyForCompletion(applied.decorationNumber(), Staff.of(timeline.authentication()));
				return null;
			}));
		}
	}

	/** Once a day reception, engineering and the cashier work what waits for them in the decorations' queue. */
	private void workQueue(DemoTimeline timeline) {
		for (Task task : timeline.tasks(DecorationApprovalProcess.KEY)) {
			Map<String, Object> variables = new HashMap<>();
			switch (task.getTaskDefinitionKey()) {
				case Element.CHECK_DOCUMENTS -> {
					variables.put(Var.DOCUMENTS_RESULT, "COMPLETE");
					variables.put(Var.OPINION, "资料齐全，与申报一致");
				}
				case Element.ENGINEERING_REVIEW -> {
					if (timeline.age(task).compareTo(REVIEW_TAKES) < 0) {
						continue;
					}
					variables.put(Var.ENGINEERING_DECISION, "APPROVE");
					variables.put(Var.OPINION, "方案可行，防水须做闭水试验");
				}
				case Element.MANAGER_APPROVAL -> {
					variables.put(Var.MANAGER_DECISION, "APPROVE");
					variables.put(Var.OPINION, "同意");
				}
				case Element.SIGN_AGREEMENT -> {
					variables.put("agreementSigned", true);
					variables.put("prohibitedActsAcknowledged", true);
					variables.put(Var.PERMITTED_HOURS, HOURS);
					variables.put(Var.WASTE_REMOVAL, "SELF");
					variables.put(Var.OPINION, "业主与装修公司已签字");
				}
				case Element.COLLECT_FEES -> {
					Decorations.Decoration decoration = decorationOf(task);
					counter.payCase(decoration.number(), decoration.unitId(), timeline);
					continue;
				}
				case Element.HAND_OVER_PERMIT -> {
					variables.put("permitHandedOver", true);
					variables.put("passesHandedOver", true);
					variables.put(Var.OPINION, "许可证、出入证已交施工负责人");
				}
				case Element.INSPECT_SITE -> inspection(timeline, variables, decorationOf(task).plannedEnd());
				case Element.CHECK_RECTIFICATION -> {
					variables.put(Var.RECTIFICATION_RESULT, "RECTIFIED");
					variables.put(Var.OPINION, "已清运完毕");
				}
				case Element.INSPECT_COMPLETION -> {
					variables.put(Var.ACCEPTANCE_RESULT, "PASSED");
					variables.put(Var.OPINION, "验收合格，闭水试验无渗漏");
				}
				default -> {
					continue;
				}
			}
			timeline.work(task, variables);
		}
	}

	private Decorations.Decoration decorationOf(Task task) {
		return decorations.byNumber((String) taskService.getVariable(task.getId(), Var.CASE_NUMBER));
	}

	/**
	 * Most inspections find the site in order; one in six finds the waste left in the stairwell,
	 * but not in the last ten days of the works (the owner applies for acceptance then).
	 */
	private static void inspection(DemoTimeline timeline, Map<String, Object> variables, LocalDate plannedEnd) {
		LocalDate today = LocalDate.ofInstant(timeline.now(), timeline.zone());
		boolean waste = timeline.random().nextInt(6) == 0 && today.isBefore(plannedEnd.minusDays(10));
		for (String item : List.of("electricalOk", "plumbingOk", "wallsOk", "doorsWindowsOk", "fireSafetyOk", "hoursOk")) {
			variables.put(item, true);
		}
		variables.put("wasteOk", !waste);
		variables.put(Var.INSPECTION_RESULT, waste ? "VIOLATION" : "OK");
		if (waste) {
			variables.put(Var.VIOLATION_DESCRIPTION, "装修垃圾堆放在楼道");
			variables.put(Var.VIOLATION_SERIOUS, false);
			variables.put(Var.RECTIFY_WITHIN_DAYS, 2);
		}
		variables.put(Var.INSPECTION_NOTES, waste ? "电气、防水正常；楼道有装修垃圾" : "电气、防水正常，施工规范");
	}

}
