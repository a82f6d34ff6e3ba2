package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the supervision of the works shares: the decoration whose works are under way (permit out,
 * its process watching for violations), and the length of what staff write. The supervision itself
 * is {@link DecorationInspections}, {@link DecorationViolations}, {@link DecorationExtensions} and
 * {@link DecorationPatrols}.
 */
@Component
class DecorationSupervision {

	static final int MAX_TEXT = 500;

	private final JdbcTemplate jdbc;

	private final Decorations decorations;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	DecorationSupervision(JdbcTemplate jdbc, Decorations decorations, RuntimeService runtimeService,
			EngineAsSystem asSystem) {
		this.jdbc = jdbc;
		this.decorations = decorations;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
	}

	/**
	 * The decoration of the staff member's estate, once its permit is out and the works (and their
	 * supervision in the process) have started.
	 */
	Decoration underway(String number, Staff staff) {
		Decoration decoration = decorations.byNumber(number, staff.estateId());
		boolean started = (decoration.status() == DecorationStatus.IN_PROGRESS
				|| decoration.status() == DecorationStatus.STOPPED)
				&& asSystem.call(() -> runtimeService.createEventSubscriptionQuery()
					.processInstanceId(processInstanceId(decoration))
					.eventName(DecorationApprovalProcess.VIOLATION_REPORTED)
					.count()) > 0;
		if (!started) {
			throw new ConflictException("装修 " + number + " 不在施工中（现在：" + decoration.status().label() + "）");
		}
		return decoration;
	}

	private String processInstanceId(Decoration decoration) {
		return jdbc.queryForObject("select process_instance_id from decoration where id = ?", String.class,
				decoration.id());
	}

	static void checkText(String text, String what) {
		if (text == null || text.isBlank()) {
			throw new BadInputException("请填写" + what);
		}
		if (text.strip().length() > MAX_TEXT) {
			throw new BadInputException(what + "最多 " + MAX_TEXT + " 个字");
		}
	}

}
