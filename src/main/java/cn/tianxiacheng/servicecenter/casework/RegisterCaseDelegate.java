package cn.tianxiacheng.servicecenter.casework;

import cn.tianxiacheng.servicecenter.casework.CaseIntake.Registration;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a case's process. A case registered through the API or the intake page is
 * already recorded: the app started the process with its number as business key. One started
 * from Tasklist's start form (no business key) is recorded here from the form's fields, takes
 * its number as business key, and gets the same variables. The start form asks no contact:
 * reception records the name and phone on the case page. A bad form (unknown unit…) fails the
 * start: nothing is created.
 */
@Component("registerCaseDelegate")
class RegisterCaseDelegate implements JavaDelegate {

	private final CaseIntake intake;

	private final ServiceCaseRepository cases;

	private final EstateDirectory estates;

	RegisterCaseDelegate(CaseIntake intake, ServiceCaseRepository cases, EstateDirectory estates) {
		this.intake = intake;
		this.cases = cases;
		this.estates = estates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (execution.getProcessBusinessKey() != null) {
			ServiceCase registered = cases.findByCaseNumber(execution.getProcessBusinessKey())
				.orElseThrow(() -> new IllegalStateException("No case " + execution.getProcessBusinessKey()));
			if (!execution.getProcessInstanceId().equals(registered.getProcessInstanceId())
					&& registered.getProcessInstanceId() != null) {
				throw new IllegalStateException("Case " + registered.getCaseNumber() + " is worked by another process");
			}
			return;
		}
		CaseType type = execution.getProcessDefinitionId().startsWith(ComplaintProcess.KEY) ? CaseType.COMPLAINT
				: CaseType.SERVICE_REQUEST;
		Registration registration = new Registration(null, type, text(execution, CaseVariables.UNIT_NUMBER),
				null, null,
				Channel.valueOf(text(execution, CaseVariables.CHANNEL)), text(execution, CaseVariables.CATEGORY),
				Urgency.valueOf(text(execution, CaseVariables.URGENCY)), text(execution, CaseVariables.DESCRIPTION));
		ServiceCase serviceCase = intake.create(registration, estateOf(execution),
				text(execution, CaseVariables.REGISTERED_BY));
		serviceCase.workedBy(execution.getProcessInstanceId());
		execution.setProcessBusinessKey(serviceCase.getCaseNumber());
		execution.setVariables(intake.variables(serviceCase));
	}

	/** The estate the case is registered in: the one whose engine tenant the starter worked in. */
	private long estateOf(DelegateExecution execution) {
		return estates.all()
			.stream()
			.filter(estate -> estate.code().equals(execution.getTenantId()))
			.findFirst()
			.map(EstateRef::id)
			.orElseThrow(() -> new BusinessRuleException("请先选择所在项目，再登记案件"));
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

}
