package cn.tianxiacheng.servicecenter.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import cn.tianxiacheng.servicecenter.evaluation.StaffEvaluationProcess.Var;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * On the 1st and the 16th: a sheet for every staff member of every post that has standards, for
 * the half month just ended, each worked in its own {@code StaffEvaluationProcess} in the tenant of the
 * estate the sheet is of. Run again, it starts nobody twice. The run belongs to no estate and every
 * estate's staff read it: it keeps no count, which would be all estates'.
 */
@Component("startEvaluationsDelegate")
class StartEvaluationsDelegate implements JavaDelegate {

	private final EvaluationStandards standards;

	private final EvaluationSheets sheets;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final EstateDirectory estates;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	StartEvaluationsDelegate(EvaluationStandards standards, EvaluationSheets sheets, IdentityService identityService,
			RuntimeService runtimeService, HistoryService historyService, EstateDirectory estates,
			EngineAsSystem asSystem, Clock clock) {
		this.estates = estates;
		this.asSystem = asSystem;
		this.standards = standards;
		this.sheets = sheets;
		this.identityService = identityService;
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		HalfMonth period = HalfMonth.endedBefore(LocalDate.now(clock));
		execution.setProcessBusinessKey("KH-" + period.key());
		startFor(period);
	}

	int startFor(HalfMonth period) {
		Set<String> evaluated = new HashSet<>();
		int started = 0;
		for (EstateRef estate : estates.all()) {
			started += startFor(period, estate, evaluated);
		}
		return started;
	}

	/** The sheets of the estate's staff; one who works in several estates is evaluated in the first. */
	private int startFor(HalfMonth period, EstateRef estate, Set<String> evaluated) {
		int started = 0;
		for (String post : standards.posts(estate.id())) {
			for (User user : identityService.createUserQuery().memberOfGroup(post).memberOfTenant(estate.code()).list()) {
				// the history of a process started in this same run is not written yet
				if (!evaluated.add(user.getId())) {
					continue;
				}
				EvaluationSheets.Sheet sheet = sheets.make(user.getId(), post, period, estate);
				// as the system: whoever runs the timer, a sheet of any estate that has its process keeps it
				if (asSystem.call(() -> historyService.createHistoricProcessInstanceQuery()
					.processInstanceBusinessKey(sheet.number())
					.count()) > 0) {
					continue;
				}
				Map<String, Object> variables = new HashMap<>();
				variables.put(Var.STAFF_ID, user.getId());
				variables.put(Var.POST, post);
				variables.put(Var.SUPERVISOR_GROUP,
						StaffGroup.MANAGER.id().equals(post) ? StaffGroup.DIRECTOR.id() : StaffGroup.MANAGER.id());
				variables.put("caseNumber", sheet.number());
				variables.put("unitNumber", "—");
				variables.put("category", period.label() + "考核 · " + StaffGroup.labelOf(post));
				variables.put("urgencyLabel", "一般");
				variables.put("summary", sheets.summary(sheet.number()));
				asSystem.callIn(estate, () -> runtimeService.startProcessInstanceByKey(StaffEvaluationProcess.KEY,
						sheet.number(), variables));
				started++;
			}
		}
		return started;
	}

}
