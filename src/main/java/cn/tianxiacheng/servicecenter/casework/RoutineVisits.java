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
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 定期回访 (seed duty 3.1): each month a share of the occupied units, drawn at random, get a
 * return visit; a unit is visited once a month however often this runs.
 */
@Component("startRoutineVisitsDelegate")
class RoutineVisits implements JavaDelegate {

	private final Households households;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final double share;

	private final Clock clock;

	private final Random random = new Random();

	RoutineVisits(Households households, RuntimeService runtimeService, HistoryService historyService,
			CaseProperties properties, Clock clock) {
		this.households = households;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.share = properties.routineVisitShare();
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable("visitsStarted", startForThisMonth());
	}

	int startForThisMonth() {
		YearMonth month = YearMonth.now(clock);
		List<OccupiedUnit> units = new ArrayList<>(households.occupied());
		Collections.shuffle(units, random);
		int started = 0;
		for (OccupiedUnit unit : units.subList(0, (int) Math.ceil(units.size() * share))) {
			String businessKey = ReturnVisitProcess.routineBusinessKey(month, unit.number());
			if (historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0) {
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
		return started;
	}

}
