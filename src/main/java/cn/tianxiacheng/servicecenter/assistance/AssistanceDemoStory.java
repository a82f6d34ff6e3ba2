package cn.tianxiacheng.servicecenter.assistance;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Element;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Var;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's assistance: every week or so an owner asks for a certificate of residence (for a
 * child's school) or of hand-over, or for help getting papers from the developer. Reception
 * checks who asks, the manager approves the seal, the certificate is handed over and the owner
 * called back three days later; the developer answers only at the second asking.
 */
@Component
class AssistanceDemoStory implements DemoStory {

	private static final List<AssistanceKind> KINDS = List.of(AssistanceKind.RESIDENCE, AssistanceKind.HANDOVER,
			AssistanceKind.RESIDENCE, AssistanceKind.DEVELOPER_DOCUMENTS);

	private final AssistanceRequests requests;

	private final Households households;

	/** The requests whose developer was asked once already. */
	private final Set<String> chased = new HashSet<>();

	private int asked;

	AssistanceDemoStory(AssistanceRequests requests, Households households) {
		this.requests = requests;
		this.households = households;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		if (day.toEpochDay() % 8 == 2) {
			timeline.at(day, LocalTime.of(9, 30 + timeline.random().nextInt(30)), () -> register(timeline));
		}
		if (asked > 0) {
			timeline.at(day, LocalTime.of(11, 5), () -> workQueue(timeline));
		}
	}

	private void register(DemoTimeline timeline) {
		timeline.as(timeline.memberOf(StaffGroup.RECEPTION.id()), () -> {
			register(timeline, timeline.staff());
			return null;
		});
	}

	/** A request of an owner of the receptionist's estate. */
	private void register(DemoTimeline timeline, Staff receptionist) {
		AssistanceKind kind = KINDS.get(asked++ % KINDS.size());
		List<Households.OccupiedUnit> movedIn = households.occupied(receptionist.estateId(), List.of())
			.stream()
			.filter(home -> home.movedIn() != null && households.firstOwner(home.id()).isPresent())
			.toList();
		if (movedIn.isEmpty()) {
			return;
		}
		Households.OccupiedUnit unit = movedIn.get(timeline.random().nextInt(movedIn.size()));
		Optional<String> owner = households.firstOwner(unit.id());
		boolean school = kind == AssistanceKind.RESIDENCE;
		AssistanceRequests.Registration registration = new AssistanceRequests.Registration(UUID.randomUUID().toString(),
				unit.number(), owner.get(), kind, school ? AssistancePurpose.SCHOOL_ENROLMENT : AssistancePurpose.OTHER,
				school ? "天下城实验小学" : "不动产登记中心",
				kind.isCertificate() ? null : "房屋质量保证书、住宅使用说明书");
		requests.register(registration, receptionist);
	}

	private void workQueue(DemoTimeline timeline) {
		for (Task task : timeline.tasks(AssistanceRequestProcess.KEY)) {
			Map<String, Object> variables = new HashMap<>();
			switch (task.getTaskDefinitionKey()) {
				case Element.VERIFY_REQUESTER -> {
					variables.put(Var.REQUESTER_VERIFIED, true);
					variables.put(Journal.OPINION, "已核对业主身份证与房产证");
				}
				case Element.APPROVE_SEAL -> {
					variables.put(Var.SEAL_APPROVED, true);
					variables.put(Journal.OPINION, "内容与记录一致，同意用印");
				}
				case Element.OBTAIN_DEVELOPER_DOCUMENTS -> {
					boolean obtained = !chased.add(task.getProcessInstanceId());
					variables.put(Var.DOCUMENTS_OBTAINED, obtained);
					variables.put(Journal.OPINION, obtained ? "开发商已提供资料" : "已致电开发商，答复需几天准备");
				}
				case Element.HAND_OVER -> variables.put(Journal.OPINION, "已交业主本人签收");
				case Element.RETURN_VISIT -> {
					variables.put(Var.SATISFACTION, String.valueOf(4 + timeline.random().nextInt(2)));
					variables.put(Journal.OPINION, "业主表示证明已顺利使用");
				}
				default -> {
					continue;
				}
			}
			timeline.work(task, variables);
		}
	}

}
