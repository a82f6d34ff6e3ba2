package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A violation recorded (by a patrol, after a complaint, or by an inspection's delegate) opens its
 * rectification in the decoration's process after the commit; recorded, and retried until done.
 */
@Component
class RectificationOpener {

	private final JdbcTemplate jdbc;

	private final DecorationJournal journal;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	RectificationOpener(JdbcTemplate jdbc, DecorationJournal journal, RuntimeService runtimeService,
			EngineAsSystem asSystem) {
		this.jdbc = jdbc;
		this.journal = journal;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
	}

	/** A violation already taken by a rectification (a follow-up done again after a crash) opens none. */
	@ApplicationModuleListener
	void onViolationReported(ViolationReported violation) {
		if (!"REPORTED".equals(jdbc.queryForObject("select status from decoration_violation where id = ?", String.class,
				violation.violationId()))) {
			return;
		}
		long decorationId = jdbc.queryForObject("select id from decoration where decoration_number = ?", Long.class,
				violation.decorationNumber());
		asSystem.run(() -> runtimeService.createMessageCorrelation(DecorationApprovalProcess.VIOLATION_REPORTED)
			.processInstanceBusinessKey(violation.decorationNumber())
			.setVariable(DecorationApprovalProcess.Var.RECENT_STEPS, journal.recentSteps(decorationId))
			.correlate());
	}

}
