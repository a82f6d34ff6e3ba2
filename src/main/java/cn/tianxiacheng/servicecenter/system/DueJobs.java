package cn.tianxiacheng.servicecenter.system;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The demo's job executor, while the engine's own is paused: runs every job due by the engine's
 * clock (asynchronous steps, timers), in the order they fell due. A job that fails is retried by
 * the engine's rules, as the job executor would.
 */
class DueJobs {

	private final ManagementService managementService;

	private long run;

	private long failed;

	DueJobs(ManagementService managementService) {
		this.managementService = managementService;
	}

	void runDue() {
		Set<String> failedNow = new HashSet<>();
		while (true) {
			List<Job> due = managementService.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 100)
				.stream().filter(job -> !failedNow.contains(job.getId())).toList();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				try {
					managementService.executeJob(job.getId());
					run++;
				}
				catch (RuntimeException ex) {
					failedNow.add(job.getId());
					if (failed++ < 3) {
						DemoHistory.log.warn("A demo job failed: {}", ex.toString());
					}
				}
			}
		}
	}

	long run() {
		return run;
	}

	long failed() {
		return failed;
	}

}
