/**
 * 办理经过: every completed task's handler, time and opinion, and the system's own steps; the last
 * few steps for the next handler's form. {@code Journal} is the one way to keep such a story: a
 * package that owns a record kind makes one for its own step table (cases, decorations, passes,
 * leases), a {@code RecordJournal} where the record's number is its process's business key;
 * {@code StepJournal} keeps the story of the processes that are not cases (certificates,
 * rounds, repair plans) by business key, in {@code process_step}, each process named by a
 * {@code ProcessSteps} of the package that owns it. Completed tasks reach a journal
 * one way only: the engine's task events ({@code camunda.bpm.eventing.task}), taken by the
 * package that owns the process; the models name no journal. Steps without a task (the system's,
 * a page's) are written by direct calls. {@code Intake} is what every intake does once its record
 * is written: the first step kept, and the process started as the system with it.
 */
@ApplicationModule(displayName = "journal 办理经过",
		allowedDependencies = { "system", "system :: engine", "system :: security" })
@OwnsTables("process_step")
package cn.tianxiacheng.servicecenter.journal;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
