package cn.tianxiacheng.servicecenter.casework;

import cn.tianxiacheng.servicecenter.casework.CaseIntake.Registration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a case's process. A case registered through the API is already recorded; one
 * started from Tasklist's start form is recorded here, takes its number as business key, and
 * gets the same variables. A bad form (unknown unit…) fails the start: nothing is created.
 */
@Component("registerCaseDelegate")
class RegisterCaseDelegate implements JavaDelegate {

	private final CaseIntake intake;

	RegisterCaseDelegate(CaseIntake intake) {
		this.intake = intake;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (execution.hasVariable(CaseVariables.CASE_ID)) {
			return;
		}
		CaseType type = execution.getProcessDefinitionId().startsWith(ComplaintProcess.KEY) ? CaseType.COMPLAINT
				: CaseType.SERVICE_REQUEST;
		Registration registration = new Registration(null, type, text(execution, CaseVariables.UNIT_NUMBER),
				text(execution, CaseVariables.CONTACT_NAME), null,
				Channel.valueOf(text(execution, CaseVariables.CHANNEL)), text(execution, CaseVariables.CATEGORY),
				Urgency.valueOf(text(execution, CaseVariables.URGENCY)), text(execution, CaseVariables.DESCRIPTION));
		Object registeredBy = execution.getVariable("registeredBy");
		ServiceCase serviceCase = intake.create(registration,
				registeredBy == null ? "tasklist" : registeredBy.toString());
		serviceCase.workedBy(execution.getProcessInstanceId());
		execution.setProcessBusinessKey(serviceCase.getCaseNumber());
		execution.setVariables(CaseIntake.variables(serviceCase, intake.unitOf(serviceCase)));
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString();
	}

}
