package cn.tianxiacheng.servicecenter.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo's days, act by act: a story puts an act at a time, and the act runs with the estate's
 * clock and the engine's standing at that time, after every job that was due by then. Acts are
 * done by the demo staff, each as themselves.
 */
@NamedInterface("setup")
public final class DemoTimeline {

	private record Act(Instant at, long order, Runnable act) {
	}

	private final PriorityQueue<Act> acts = new PriorityQueue<>(
			Comparator.comparing(Act::at).thenComparingLong(Act::order));

	private final EstateClock clock;

	private final Instant end;

	private final Random random;

	private final IdentityService identityService;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final StaffDirectory directory;

	private final StaffEstates estates;

	private final DueJobs jobs;

	private long order;

	DemoTimeline(EstateClock clock, Instant end, long seed, IdentityService identityService, TaskService taskService,
			ManagementService managementService, StaffDirectory directory, StaffEstates estates, DueJobs jobs) {
		this.estates = estates;
		this.clock = clock;
		this.end = end;
		this.random = new Random(seed);
		this.identityService = identityService;
		this.taskService = taskService;
		this.managementService = managementService;
		this.directory = directory;
		this.jobs = jobs;
	}

	/** Seeded: the same demo on every machine, as far as the order of the engine's answers allows. */
	public Random random() {
		return random;
	}

	public ZoneId zone() {
		return clock.getZone();
	}

	public Instant now() {
		return clock.instant();
	}

	/** The real day the demo ends on, at the present: what is planned for later does not happen. */
	public LocalDate today() {
		return LocalDate.ofInstant(end, zone());
	}

	/** Puts an act at the time of the day; one at or after the real present is left undone. */
	public void at(LocalDate day, LocalTime time, Runnable act) {
		at(day.atTime(time).atZone(zone()).toInstant(), act);
	}

	public void after(Duration delay, Runnable act) {
		at(now().plus(delay), act);
	}

	private void at(Instant instant, Runnable act) {
		if (instant.isBefore(end)) {
			acts.add(new Act(instant.isBefore(now()) ? now() : instant, order++, act));
		}
	}

	/** A member of the group in the demo staff, drawn at random. */
	public String memberOf(String groupId) {
		return memberOf(groupId, null);
	}

	private String memberOf(String groupId, String notBy) {
		List<String> all = directory.demoUsersOf(groupId);
		List<String> users = all.size() > 1 ? all.stream().filter(user -> !user.equals(notBy)).toList() : all;
		return users.get(random.nextInt(users.size()));
	}

	/** The estate's first demo staff member of the group (its post or a second one), if it has one. */
	public Optional<String> memberIn(String estateCode, String groupId) {
		return directory.demoUsersIn(estateCode, groupId).stream().findFirst();
	}

	/** Runs the calls as the user, for the engine (authorizations, the staff guard) and for Spring Security. */
	public <T> T as(String userId, Supplier<T> calls) {
		List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
			.toList();
		Authentication authentication = UsernamePasswordAuthenticationToken
			.authenticated(estates.principal(userId, groups), null, StaffAuthorities.of(groups));
		identityService.setAuthentication(userId, groups, CurrentEstate.tenantIds(authentication));
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			return calls.get();
		}
		finally {
			identityService.clearAuthentication();
			SecurityContextHolder.clearContext();
		}
	}

	/** The Spring Security authentication of the user, for services that take one. */
	public Authentication authentication() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

	/** The user as services take them, in the estate they work in. */
	public Staff staff() {
		return Staff.of(authentication());
	}

	/** The open tasks of the process that 天下城's staff see, oldest first, as their queues show them. */
	public List<Task> tasks(String processKey) {
		return taskService.createTaskQuery().processDefinitionKey(processKey).orderByTaskCreateTime().asc().list()
			.stream()
			.filter(this::isSeenByTheDemoStaff)
			.toList();
	}

	/** A task of 天下城 or of no estate: the other estates' have no past to be worked in. */
	public boolean isSeenByTheDemoStaff(Task task) {
		return task.getTenantId() == null || task.getTenantId().equals(StaffDirectory.TXC);
	}

	/** How long the task has been waiting, on the demo's clock. */
	public Duration age(Task task) {
		return Duration.between(task.getCreateTime().toInstant(), now());
	}

	/** Claims the task (unless it is someone's already) and completes it, as Tasklist does. */
	public void work(Task task, Map<String, Object> variables) {
		work(task, variables, null);
	}

	/** The same, by a member of the task's group other than the one named (a review is never the requester's). */
	public void work(Task task, Map<String, Object> variables, String notBy) {
		String user = task.getAssignee() != null ? task.getAssignee() : memberOf(candidateGroup(task), notBy);
		as(user, () -> {
			if (task.getAssignee() == null) {
				taskService.claim(task.getId(), user);
			}
			taskService.complete(task.getId(), variables);
			return null;
		});
	}

	private String candidateGroup(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).stream()
			.map(IdentityLink::getGroupId)
			.filter(group -> group != null && !directory.demoUsersOf(group).isEmpty())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No demo staff may work task " + task.getId()));
	}

	/**
	 * Lets the process's recurring start timer fire in the demo: its next firing moves to the
	 * cycle's next time after now; after each firing the engine schedules the next from the clock.
	 */
	public void armTimer(String processKey) {
		for (Job job : managementService.createJobQuery().processDefinitionKey(processKey).timers().list()) {
			if (job.getProcessInstanceId() == null && job instanceof TimerEntity timer && timer.getRepeat() != null) {
				Instant next = CronExpression.parse(timer.getRepeat())
					.next(now().atZone(ZoneId.systemDefault()))
					.toInstant();
				managementService.setJobDuedate(job.getId(), Date.from(next));
			}
		}
	}

	/** Runs the acts up to the instant, each at its time after the jobs due by then; the count of acts run. */
	int runUntil(Instant until, Consumer<RuntimeException> onFailure) {
		int run = 0;
		while (!acts.isEmpty() && acts.peek().at().isBefore(until)) {
			Act act = acts.poll();
			clock.standAt(act.at());
			jobs.runDue();
			try {
				act.act().run();
			}
			catch (RuntimeException ex) {
				onFailure.accept(ex);
			}
			run++;
		}
		clock.standAt(until);
		jobs.runDue();
		return run;
	}

}
