package cn.tianxiacheng.servicecenter.release;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Element;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Item;
import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's goods passes: every few days an owner asks reception for a pass for an afternoon;
 * the other receptionist reviews it and it is issued; most are shown at the gate in their window
 * and the guard releases the goods; one in four is never used and expires when its window ends.
 */
@Component
class ReleaseDemoStory implements DemoStory {

	private static final List<List<Item>> GOODS = List.of(List.of(new Item("旧沙发", 1, null), new Item("纸箱", 6, "衣物书籍")),
			List.of(new Item("自行车", 1, null)), List.of(new Item("冰箱", 1, "旧家电回收"), new Item("洗衣机", 1, null)),
			List.of(new Item("办公桌", 2, null), new Item("椅子", 4, null)));

	private static final List<String> GATES = List.of("东门", "西门", "南门");

	private final ReleasePasses passes;

	private final GateChecks gate;

	private final PassSignature signature;

	private final Households households;

	private final TaskService taskService;

	ReleaseDemoStory(ReleasePasses passes, GateChecks gate, PassSignature signature, Households households,
			TaskService taskService) {
		this.passes = passes;
		this.gate = gate;
		this.signature = signature;
		this.households = households;
		this.taskService = taskService;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		if (day.toEpochDay() % 3 == 0) {
			timeline.at(day, LocalTime.of(9, timeline.random().nextInt(60)), () -> request(day, timeline));
		}
	}

	private void request(LocalDate day, DemoTimeline timeline) {
		String receptionist = timeline.memberOf(StaffGroup.RECEPTION.id());
		timeline.as(receptionist, () -> {
			request(day, timeline, receptionist, timeline.staff());
			return null;
		});
	}

	/** A pass for an owner of the receptionist's estate. */
	private void request(LocalDate day, DemoTimeline timeline, String receptionist, Staff staff) {
		List<Households.OccupiedUnit> owned = households.occupied(staff.estateId(), List.of())
			.stream()
			.filter(home -> households.firstOwner(home.id()).isPresent())
			.toList();
		if (owned.isEmpty()) {
			return;
		}
		Households.OccupiedUnit unit = owned.get(timeline.random().nextInt(owned.size()));
		Optional<String> owner = households.firstOwner(unit.id());
		LocalDateTime from = day.atTime(14, 0);
		String gateName = GATES.get(timeline.random().nextInt(GATES.size()));
		ReleasePasses.Request request = new ReleasePasses.Request(UUID.randomUUID().toString(), unit.number(),
				ApplicantKind.OWNER, owner.get(), "13812345678", null, null, false,
				GOODS.get(timeline.random().nextInt(GOODS.size())), from, from.plusHours(4), null, gateName);
		ReleasePasses.Registered registered = passes.request(request, staff);
		timeline.after(Duration.ofMinutes(40), () -> review(registered.processInstanceId(), receptionist, timeline));
		if (timeline.random().nextInt(4) > 0) {
			timeline.at(day, LocalTime.of(14 + timeline.random().nextInt(3), timeline.random().nextInt(60)),
					() -> atTheGate(registered.passNumber(), gateName, timeline));
		}
	}

	/** The other receptionist reviews what the first registered. */
	private void review(String processInstanceId, String requester, DemoTimeline timeline) {
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
			.taskDefinitionKey(Element.REVIEW_REQUEST).singleResult();
		if (task != null) {
			timeline.work(task, Map.of(Var.REVIEW_RESULT, "APPROVE", Var.OPINION, "物品与申请一致"), requester);
		}
	}

	/** The owner shows the pass at the gate; the guard checks the goods and lets them out. */
	private void atTheGate(String passNumber, String gateName, DemoTimeline timeline) {
		timeline.as(timeline.memberOf(StaffGroup.SECURITY.id()), () -> {
			Staff guard = Staff.of(timeline.authentication());
			String code = signature.of(passNumber);
			gate.scan(passNumber, code, gateName, guard);
			return gate.decide(passNumber, code, gateName, true, null, null, guard);
		});
	}

}
