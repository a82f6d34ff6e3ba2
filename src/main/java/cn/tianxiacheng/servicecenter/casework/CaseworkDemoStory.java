package cn.tianxiacheng.servicecenter.casework;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.system.DemoStory;
import cn.tianxiacheng.servicecenter.system.DemoTimeline;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The demo's cases: a few complaints and repairs registered every day, worked from the queues
 * through the day by the demo staff, some slowly (their deadlines pass and the escalation timers
 * fire), a few never (still open); the return visits that closing a case starts are made, with
 * scores, and the monthly routine visits run.
 */
@Component
class CaseworkDemoStory implements DemoStory {

	/** How a case is worked: at once, a day late at every step, or not at all. */
	private enum Pace {
		PROMPT, SLOW, STALLED
	}

	private static final List<String> KEYS = List.of(ComplaintProcess.KEY, ServiceRequestProcess.KEY,
			ReturnVisitProcess.KEY);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private static final Map<String, String> PROBLEMS = Map.ofEntries(Map.entry("水电维修", "卫生间水龙头漏水"),
			Map.entry("门窗维修", "单元门闭门器损坏"), Map.entry("公共设施", "楼道声控灯不亮"), Map.entry("电梯", "电梯运行有异响"),
			Map.entry("环境卫生", "楼道垃圾未及时清运"), Map.entry("绿化", "楼下绿地杂草丛生"), Map.entry("噪音扰民", "楼上夜间装修噪音"),
			Map.entry("秩序安全", "陌生人尾随进入单元门"), Map.entry("停车", "车位被他人占用"), Map.entry("收费争议", "对本月物业费金额有疑问"),
			Map.entry("服务态度", "前台接待态度生硬"), Map.entry("房屋质量", "外墙渗水导致卧室墙面发霉"), Map.entry("其他", "咨询快递柜使用方法"));

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";

	private final CaseIntake intake;

	private final TaskService taskService;

	private final Households households;

	/** By the case's process instance; return visits are made promptly. */
	private final Map<String, Pace> paces = new HashMap<>();

	/** Tasks someone is about to work. */
	private final Set<String> taken = new HashSet<>();

	/** The occupied units of each estate the demo's receptionists work in, by its id. */
	private final Map<Long, List<String>> units = new HashMap<>();

	private boolean campaignArmed;

	CaseworkDemoStory(CaseIntake intake, TaskService taskService, Households households) {
		this.intake = intake;
		this.taskService = taskService;
		this.households = households;
	}

	@Override
	public void plan(LocalDate day, DemoTimeline timeline) {
		Random random = timeline.random();
		if (!campaignArmed) {
			campaignArmed = true;
			timeline.armTimer(ReturnVisitProcess.CAMPAIGN_KEY);
		}
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		int cases = (weekend ? 2 : 3) + random.nextInt(4);
		for (int i = 0; i < cases; i++) {
			timeline.at(day, LocalTime.of(8, 0).plusMinutes(random.nextInt(12 * 60)), () -> register(timeline));
		}
		for (int hour = 7; hour <= 22; hour++) {
			timeline.at(day, LocalTime.of(hour, random.nextInt(60)), () -> workQueues(timeline));
		}
	}

	private void register(DemoTimeline timeline) {
		Random random = timeline.random();
		String category = CaseCategories.ALL.get(random.nextInt(CaseCategories.ALL.size()));
		CaseType type = random.nextInt(100) < 40 ? CaseType.COMPLAINT : CaseType.SERVICE_REQUEST;
		String contact = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + (random.nextBoolean() ? "先生" : "女士");
		String phone = random.nextBoolean() ? null : "139" + (10_000_000 + random.nextInt(90_000_000));
		Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
		Urgency urgency = random.nextInt(10) == 0 ? Urgency.URGENT : Urgency.NORMAL;
		String receptionist = timeline.memberOf(StaffGroup.RECEPTION.id());
		ServiceCase registered = timeline.as(receptionist, () -> {
			List<String> homes = units.computeIfAbsent(timeline.staff().estateId(), estateId -> households
				.occupied(estateId, List.of()).stream().map(Households.OccupiedUnit::number).toList());
			return intake.register(new CaseIntake.Registration(UUID.randomUUID().toString(), type,
					homes.get(random.nextInt(homes.size())), contact, phone, channel, category, urgency,
					PROBLEMS.get(category)), timeline.staff());
		});
		int draw = random.nextInt(100);
		paces.put(registered.getProcessInstanceId(), draw < 6 ? Pace.STALLED : draw < 20 ? Pace.SLOW : Pace.PROMPT);
	}

	/** The staff look at their queues every hour: each task whose time has come is worked within the next half hour. */
	private void workQueues(DemoTimeline timeline) {
		Random random = timeline.random();
		for (Task task : taskService.createTaskQuery().processDefinitionKeyIn(KEYS.toArray(String[]::new)).list()) {
			if (!timeline.isSeenByTheDemoStaff(task)) {
				continue;
			}
			Duration age = Duration.between(task.getCreateTime().toInstant(), timeline.now());
			Pace pace = paces.getOrDefault(task.getProcessInstanceId(), Pace.PROMPT);
			boolean due = switch (pace) {
				case PROMPT -> age.toMinutes() >= 10 && random.nextInt(10) < 9;
				case SLOW -> age.toHours() >= 26;
				case STALLED -> false;
			};
			if (due && taken.add(task.getId())) {
				timeline.after(Duration.ofMinutes(5 + random.nextInt(30)), () -> work(timeline, task.getId()));
			}
		}
	}

	private void work(DemoTimeline timeline, String taskId) {
		taken.remove(taskId);
		Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
		if (task != null) {
			Map<String, Object> variables = variables(task.getTaskDefinitionKey(), timeline);
			if (task.getTaskDefinitionKey().equals(ReturnVisitProcess.Element.MANAGER_FOLLOW_UP)
					&& Boolean.TRUE.equals(taskService.getVariable(taskId, ChargeReliefListener.HAS_CHARGES))) {
				variables.put(ChargeReliefListener.RELIEF, "NONE");
			}
			timeline.work(task, variables);
		}
	}

	private Map<String, Object> variables(String taskKey, DemoTimeline timeline) {
		Random random = timeline.random();
		int draw = random.nextInt(100);
		Map<String, Object> variables = new HashMap<>();
		switch (taskKey) {
			case ComplaintProcess.Element.FIRST_RESPONSE -> {
				String decision = draw < 35 ? "RESOLVED" : draw < 90 ? "DISPATCH" : "ESCALATE";
				variables.put("decision", decision);
				variables.put("opinion", switch (decision) {
					case "RESOLVED" -> "已向业主解释说明，业主表示认可";
					case "DISPATCH" -> "已派相关部门处理";
					default -> "情况复杂，提交经理处理";
				});
			}
			case ComplaintProcess.Element.DEPARTMENT_HANDLES -> variables.put("opinion", "已到现场处理完毕");
			case ComplaintProcess.Element.CONFIRM_RESOLUTION, ServiceRequestProcess.Element.CONFIRM_WITH_OWNER -> {
				boolean confirmed = draw < 92;
				variables.put("ownerConfirmed", confirmed);
				variables.put("opinion", confirmed ? "电话回访，业主确认已处理" : "业主表示问题仍在，请再处理");
			}
			case ComplaintProcess.Element.MANAGER_HANDLES -> {
				boolean resolved = draw < 60;
				variables.put("managerDecision", resolved ? "RESOLVED" : "DISPATCH");
				if (!resolved) {
					variables.put("department", List.of("engineering", "cleaning", "security").get(draw % 3));
				}
				variables.put("opinion", resolved ? "经理约谈业主，已妥善解决" : "经理督办，重新派单");
			}
			case ServiceRequestProcess.Element.SCHEDULE_APPOINTMENT -> {
				LocalDateTime at = LocalDateTime.ofInstant(timeline.now(), timeline.zone()).plusHours(2 + random.nextInt(20));
				variables.put("appointmentAt", at.format(MINUTE));
				variables.put("opinion", "已与业主约定上门时间");
			}
			case ServiceRequestProcess.Element.DO_WORK -> {
				variables.put("workResult", "DONE");
				if (draw < 25) {
					variables.put("chargeCode1", "REPAIR_SERVICE");
					variables.put("chargeQuantity1", 1);
				}
				variables.put("opinion", "已维修完毕，试用正常");
			}
			case ReturnVisitProcess.Element.RETURN_VISIT -> {
				boolean reached = draw < 85;
				variables.put("reached", reached);
				if (reached) {
					int score = random.nextInt(100);
					variables.put(ReturnVisitProcess.SATISFACTION,
							(long) (score < 45 ? 5 : score < 80 ? 4 : score < 92 ? 3 : score < 98 ? 2 : 1));
				}
				variables.put("opinion", reached ? "业主对处理结果作了评价" : "电话无人接听");
			}
			case ReturnVisitProcess.Element.MANAGER_FOLLOW_UP -> variables.put("opinion", "经理致电业主，说明处理情况并致歉");
			default -> variables.put("opinion", "已督促办理");
		}
		return variables;
	}

}
