package cn.tianxiacheng.servicecenter.parking;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.ParkingSpaceStatus;
import cn.tianxiacheng.servicecenter.fee.DemoCounter;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Element;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.LesseeKind;
import cn.tianxiacheng.servicecenter.parking.ParkingLeases.PaymentPlan;
import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's parking leases: owners with a car lease a vacant space for a few months, prepaid at
 * the counter; reception calls them before the end as the reminders fall due. The first lease
 * ran out and its space was taken back after the grace period; two end within days of the
 * present; one runs for a year.
 */
@Component
class ParkingDemoStory implements DemoStory {

	/** A lease: applied for how many days before the present, for how many months. */
	private record Plan(int daysAgo, int months) {
	}

	private static final List<Plan> PLANS = List.of(new Plan(87, 1), new Plan(70, 12), new Plan(58, 2),
			new Plan(28, 1));

	private final LeaseApplications applications;

	private final ParkingViews views;

	private final Households households;

	private final DemoCounter counter;

	private final TaskService taskService;

	private final Set<Long> unitsTaken = new HashSet<>();

	ParkingDemoStory(LeaseApplications applications, ParkingViews views, Households households, DemoCounter counter,
			TaskService taskService) {
		this.applications = applications;
		this.views = views;
		this.households = households;
		this.counter = counter;
		this.taskService = taskService;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		long daysAgo = ChronoUnit.DAYS.between(day, timeline.today());
		for (Plan plan : PLANS) {
			if (plan.daysAgo() == daysAgo) {
				timeline.at(day, LocalTime.of(11, 15), () -> apply(plan, day, timeline));
			}
		}
		if (!unitsTaken.isEmpty()) {
			timeline.at(day, LocalTime.of(10, 30), () -> remind(timeline));
		}
	}

	private void apply(Plan plan, LocalDate day, DemoTimeline timeline) {
		String receptionist = timeline.memberOf(StaffGroup.RECEPTION.id());
		timeline.as(receptionist, () -> {
			apply(plan, day, timeline, timeline.staff());
			return null;
		});
	}

	/** The application of a household of the receptionist's estate for one of its vacant spaces. */
	private void apply(Plan plan, LocalDate day, DemoTimeline timeline, Staff receptionist) {
		List<Households.OccupiedUnit> withCars = households.occupied(receptionist.estateId(), List.of())
			.stream()
			.filter(home -> !unitsTaken.contains(home.id()) && households.firstOwner(home.id()).isPresent()
					&& !households.plates(home.id()).isEmpty())
			.toList();
		List<ParkingViews.SpaceLine> vacant = views.spaces(receptionist.estateId(), ParkingSpaceStatus.VACANT);
		if (withCars.isEmpty() || vacant.isEmpty()) {
			return;
		}
		Households.OccupiedUnit unit = withCars.get(timeline.random().nextInt(withCars.size()));
		unitsTaken.add(unit.id());
		Optional<String> owner = households.firstOwner(unit.id());
		List<String> plates = households.plates(unit.id());
		String space = vacant.get(timeline.random().nextInt(vacant.size())).number();
		LeaseApplications.Application application = new LeaseApplications.Application(UUID.randomUUID().toString(),
				unit.number(), LesseeKind.OWNER, owner.get(), "13612345678", space, List.of(plates.get(0)),
				day.plusDays(1), plan.months(), PaymentPlan.PREPAID);
		LeaseApplications.Registered registered = applications.apply(application, receptionist);
		long unitId = unit.id();
		timeline.after(Duration.ofMinutes(30), () -> check(registered.processInstanceId(), timeline));
		timeline.after(Duration.ofHours(2), () -> counter.payCase(registered.leaseNumber(), unitId, timeline));
	}

	/** Reception checks the car's papers against the household's registration. */
	private void check(String processInstanceId, DemoTimeline timeline) {
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
			.taskDefinitionKey(Element.CHECK_APPLICATION).singleResult();
		if (task != null) {
			timeline.work(task, Map.of(Var.CHECK_RESULT, "APPROVE", Var.OPINION, "行驶证与本户登记一致"));
		}
	}

	/** Reception makes the reminder calls that fell due. */
	private void remind(DemoTimeline timeline) {
		for (Task task : timeline.tasks(ParkingLeaseProcess.KEY)) {
			if (task.getTaskDefinitionKey().equals(Element.FIRST_REMINDER_CALL)
					|| task.getTaskDefinitionKey().equals(Element.SECOND_REMINDER_CALL)) {
				timeline.work(task, Map.of(Var.OPINION, "已电话提醒业主租期将满，业主考虑续租"));
			}
		}
	}

}
