package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import cn.tianxiacheng.servicecenter.FormConstraints;
import cn.tianxiacheng.servicecenter.fee.Compensations;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/**
 * A value that reaches the listener using it, whatever door it came through, is still checked
 * against the form's limits there: the satisfaction of a return visit and the manager's
 * compensation, as the attack stored them (1,000,000 and −7 points; 999,999.99 yuan).
 */
class FormLimitsListenerTests {

	@Test
	void shouldRefuseASatisfactionOutsideTheForm() {
		SatisfactionListener listener = new SatisfactionListener();
		for (Object satisfaction : new Object[] { 1_000_000, -7, 0L, 6L, 4.5, "5" }) {
			assertThatThrownBy(() -> listener.notify(task(Map.of("reached", true, "satisfaction", satisfaction))))
				.as("%s", satisfaction)
				.isInstanceOf(BadInputException.class)
				.hasMessageContaining("满意度");
		}
		assertThatCode(() -> listener.notify(task(Map.of("reached", true, "satisfaction", 5L)))).doesNotThrowAnyException();
		assertThatCode(() -> listener.notify(task(Map.of("reached", false)))).doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseACompensationAboveTheFormsMaximum() {
		Compensations compensations = mock(Compensations.class);
		CompensationListener listener = new CompensationListener(compensations, mock(ServiceCaseRepository.class));

		for (Object amount : new Object[] { 999_999.99, 50_000.01, -1 }) {
			assertThatThrownBy(() -> listener.notify(task(Map.of("managerDecision", "RESOLVED", "compensation", amount,
					"compensationKind", "CREDIT"))))
				.as("%s", amount)
				.isInstanceOf(BadInputException.class)
				.hasMessageContaining("补偿金额");
		}
		verify(compensations, never()).grant(anyString(), anyLong(), any(), any(), anyString(), anyString());
	}

	@Test
	void shouldKeepTheListenersLimitsThoseOfTheForms() {
		org.assertj.core.api.Assertions.assertThat(FormConstraints.of("return-visit").limits("satisfaction"))
			.containsExactly(ReturnVisitProcess.SATISFACTION_MIN, ReturnVisitProcess.SATISFACTION_MAX);
		org.assertj.core.api.Assertions.assertThat(FormConstraints.of("complaint-manager").limits("compensation"))
			.containsExactly(0, CompensationListener.MAX_AMOUNT.intValueExact());
	}

	static DelegateTask task(Map<String, Object> variables) {
		DelegateTask task = mock(DelegateTask.class);
		when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_COMPLETE);
		when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
		return task;
	}

}
