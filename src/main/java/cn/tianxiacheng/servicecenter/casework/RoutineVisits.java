package cn.tianxiacheng.servicecenter.casework;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.tianxiacheng.servicecenter.estate.Households.OccupiedUnit;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 定期回访 (seed duty 3.1): each month a share of each estate's occupied units, drawn at random, get a
 * return visit in the estate's tenant; a unit is visited once a month however often this runs. The
 * campaign's own instance belongs to no estate and keeps no count (each estate's is in the log).
 */
@Component("startRoutineVisitsDelegate")
class RoutineVisits implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(RoutineVisits.class);

	private final Households households;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final EngineAsSystem asSystem;

	private final EstateDirectory estates;

	private final double share;

	private final Clock clock;

	private final Random random = new Random();

	RoutineVisits(Households households, RuntimeService runtimeService, HistoryService historyService,
			EngineAsSystem asSystem, EstateDirectory estates, CaseProperties properties, Clock clock) {
		this.households = households;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.asSystem = asSystem;
		this.estates = estates;
		this.share = properties.routineVisitShare();
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		startForThisMonth();
	}

	int startForThisMonth() {
		YearMonth month = YearMonth.now(clock);
		int started = 0;
		for (EstateRef estate : estates.all()) {
			started += asSystem.callIn(estate, () -> startIn(estate, month));
		}
		return started;
	}

	private int startIn(EstateRef estate, YearMonth month) {
		List<OccupiedUnit> units = new ArrayList<>(households.occupied(estate.id(), List.of()));
		Collections.shuffle(units, random);
		int started = 0;
		for (OccupiedUnit unit : units.subList(0, (int) Math.ceil(units.size() * share))) {
			String businessKey = ReturnVisitProcess.routineBusinessKey(month, estate.code(), unit.number());
			if (visited(businessKey)) {
				continue;
			}
			Map<String, Object> visit = new HashMap<>();
			visit.put(CaseVariables.CASE_NUMBER, "定期回访 " + month);
			visit.put(CaseVariables.UNIT_ID, unit.id());
			visit.put(CaseVariables.UNIT_NUMBER, unit.number());
			visit.put(CaseVariables.CATEGORY, "定期回访");
			visit.put(CaseVariables.DESCRIPTION, "例行回访：请业主评价近期的物业服务，收集意见和建议");
			visit.put(CaseVariables.RECENT_STEPS, "");
			visit.put(ReturnVisitProcess.DETAILS_PATH, "/units/" + unit.id());
			visit.put(ReturnVisitProcess.ATTEMPTS, 0);
			runtimeService.startProcessInstanceByKey(ReturnVisitProcess.KEY, businessKey, visit);
			started++;
		}
		log.info("Routine visits {} of estate {}: {} of {} occupied units drawn, {} visits started", month,
				estate.code(), (int) Math.ceil(units.size() * share), units.size(), started);
		return started;
	}

	/** Whether the unit's visit of the month was started. */
	private boolean visited(String businessKey) {
		return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0;
	}

}
