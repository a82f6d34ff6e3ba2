package cn.tianxiacheng.servicecenter.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.casework.OwnerCases.Rating;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner answers the return visit online ({@code owner_visit_rating}): the reception's visit task is
 * completed as the system, as if reception had reached the owner, with the score only. The engine
 * learns neither who answered nor the comment; the journal says the owner answered online.
 */
@Component
class OwnerVisitRatings {

	/** Marks the completion as the owner's answer for the journal; transient, never stored by the engine. */
	static final String ANSWERED_ONLINE = "answeredOnline";

	private static final int MAX_REQUEST_ID = 64;

	private static final int MAX_COMMENT = 200;

	private final ServiceCaseRepository cases;

	private final UnitRepository units;

	private final RequestOnce requestOnce;

	private final JdbcTemplate jdbc;

	private final TaskService taskService;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	OwnerVisitRatings(ServiceCaseRepository cases, UnitRepository units, RequestOnce requestOnce, JdbcTemplate jdbc,
			TaskService taskService, EngineAsSystem asSystem, Clock clock) {
		this.cases = cases;
		this.units = units;
		this.requestOnce = requestOnce;
		this.jdbc = jdbc;
		this.taskService = taskService;
		this.asSystem = asSystem;
		this.clock = clock;
	}

	/** The case's return visit waiting for reception's call, which the owner may answer instead. */
	@Transactional(readOnly = true)
	Optional<Task> visitTask(ServiceCase serviceCase) {
		String estateCode = units.findById(serviceCase.getUnitId()).orElseThrow().getBuilding().getEstate().getCode();
		return asSystem.call(() -> taskService.createTaskQuery()
			.processInstanceBusinessKey(ReturnVisitProcess.businessKey(serviceCase.getCaseNumber()))
			.tenantIdIn(estateCode)
			.taskDefinitionKey(ReturnVisitProcess.Element.RETURN_VISIT)
			.list()
			.stream()
			.findFirst());
	}

	Rating rate(long unitId, String caseNumber, String requestId, Integer score, String comment) {
		if (requestId == null || requestId.isBlank() || requestId.length() > MAX_REQUEST_ID) {
			throw new BadInputException("请求编号（requestId）缺失或过长，请刷新页面后重新提交");
		}
		if (score == null || score < ReturnVisitProcess.SATISFACTION_MIN || score > ReturnVisitProcess.SATISFACTION_MAX) {
			throw new BadInputException("“满意度”应为 " + ReturnVisitProcess.SATISFACTION_MIN + " 到 "
					+ ReturnVisitProcess.SATISFACTION_MAX + " 的整数");
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && (text.length() > MAX_COMMENT || text.chars().anyMatch(Character::isISOControl))) {
			throw new BadInputException("“评价内容”最多 " + MAX_COMMENT + " 个字，且不含控制字符");
		}
		ServiceCase serviceCase = cases.findByCaseNumberAndUnitId(caseNumber, unitId)
			.orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
		return requestOnce.apply(() -> rateOnce(serviceCase, requestId, score, text));
	}

	private Rating rateOnce(ServiceCase serviceCase, String requestId, int score, String comment) {
		Optional<Rating> earlier = requestOnce.earlier(requestId,
				"select case_id, score, reopened from owner_visit_rating where request_id = ?", (rs, row) -> {
					if (rs.getLong(1) != serviceCase.getId()) {
						throw new ConflictException("这个请求编号已用于另一个案件的评价，请刷新页面后重新提交");
					}
					return new Rating(serviceCase.getCaseNumber(), rs.getInt(2), rs.getBoolean(3));
				});
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Task visit = visitTask(serviceCase).orElseThrow(() -> new ConflictException("这个案件目前没有待评价的回访"));
		// first the row: a copy of the same request sent at the same moment stops at its unique key
		jdbc.update("""
				insert into owner_visit_rating (request_id, case_id, score, comment, reopened, rated_at)
				 values (?, ?, ?, ?, false, ?)""", requestId, serviceCase.getId(), score, comment,
				Timestamp.from(clock.instant()));
		asSystem.run(() -> taskService.complete(visit.getId(),
				Variables.createVariables()
					.putValue("reached", true)
					.putValue(ReturnVisitProcess.SATISFACTION, score)
					.putValueTyped(ANSWERED_ONLINE, Variables.booleanValue(true, true))));
		boolean reopened = cases.findById(serviceCase.getId()).orElseThrow().getStatus() == CaseStatus.REOPENED;
		jdbc.update("update owner_visit_rating set reopened = ? where request_id = ?", reopened, requestId);
		return new Rating(serviceCase.getCaseNumber(), score, reopened);
	}

}
