package cn.tianxiacheng.servicecenter.fee;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess.Element;
import cn.tianxiacheng.servicecenter.fee.FeeBillingProcess.Var;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code FeeBillingProcess}, with the billing delegates mocked.
 */
@Deployment(resources = "processes/FeeBillingProcess.bpmn")
class FeeBillingProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	JavaDelegate issueMonthlyBills = registered("issueMonthlyBillsDelegate", JavaDelegate.class);

	JavaDelegate issueHeatingBills = registered("issueHeatingBillsDelegate", JavaDelegate.class);

	@BeforeEach
	void registerMocks() {
		Mocks.register("billingSchedule", new BillingSchedule(new FeeProperties(30, "11-15", "03-15",
				new BigDecimal("0.30"), true, "0 0 2 1 * ?", 15, "P7D", "0 30 8 * * ?", new BigDecimal("1000000.00"),
				YearMonth.of(2020, 1), 10)));
	}

	@Test
	void shouldIssueTheMonthsBillsWhenTheMonthlyTimerFires() throws Exception {
		seasonStarts(false);
		execute(managementService().createJobQuery().activityId(Element.BILLING_DUE).singleResult());

		ProcessInstance instance = runtimeService().createProcessInstanceQuery().singleResult();
		assertThat(instance).isWaitingAt(Element.ISSUE_MONTHLY_BILLS);
		execute(job());

		assertThat(instance).hasPassedInOrder(Element.BILLING_DUE, Element.ISSUE_MONTHLY_BILLS,
				Element.HEATING_SEASON_STARTS, Element.BILLS_ISSUED).isEnded();
		assertThat(instance).hasNotPassed(Element.ISSUE_HEATING_BILLS);
		verify(issueHeatingBills, never()).execute(any());
		Assertions.assertThat(managementService().createJobQuery().activityId(Element.BILLING_DUE).count())
			.as("the timer waits for the next month").isEqualTo(1);
	}

	@Test
	void shouldAlsoIssueTheHeatingSeasonInTheMonthItStarts() throws Exception {
		seasonStarts(true);
		execute(managementService().createJobQuery().activityId(Element.BILLING_DUE).singleResult());
		ProcessInstance instance = runtimeService().createProcessInstanceQuery().singleResult();
		execute(job(instance));

		assertThat(instance).isWaitingAt(Element.ISSUE_HEATING_BILLS);
		execute(job());

		assertThat(instance).hasPassedInOrder(Element.ISSUE_MONTHLY_BILLS, Element.HEATING_SEASON_STARTS,
				Element.ISSUE_HEATING_BILLS, Element.BILLS_ISSUED).isEnded();
		verify(issueHeatingBills).execute(any());
	}

	@Test
	void shouldIssueAChosenMonthOnDemand() throws Exception {
		seasonStarts(false);
		ProcessInstance instance = requestBilling("MONTHLY", "2026-10");

		assertThat(instance).isWaitingAt(Element.ISSUE_MONTHLY_BILLS);
		execute(job());

		assertThat(instance).hasPassedInOrder(Element.BILLING_REQUESTED, Element.BILLING_KIND,
				Element.ISSUE_MONTHLY_BILLS, Element.BILLS_ISSUED).isEnded();
		verify(issueMonthlyBills).execute(any());
	}

	@Test
	void shouldIssueAChosenHeatingSeasonOnDemand() throws Exception {
		ProcessInstance instance = requestBilling("HEATING", "2026");

		assertThat(instance).isWaitingAt(Element.ISSUE_HEATING_BILLS);
		execute(job());

		assertThat(instance).hasPassedInOrder(Element.BILLING_REQUESTED, Element.BILLING_KIND,
				Element.ISSUE_HEATING_BILLS, Element.BILLS_ISSUED).isEnded();
		verify(issueMonthlyBills, never()).execute(any());
	}

	@Test
	void shouldLeaveAFailedRunAsARetryableJob() throws Exception {
		doThrow(new IllegalStateException("database down")).when(issueMonthlyBills).execute(any());
		ProcessInstance instance = requestBilling("MONTHLY", "2026-11");

		assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("database down");

		assertThat(instance).isWaitingAt(Element.ISSUE_MONTHLY_BILLS);
		Assertions.assertThat(job(instance).getRetries()).isEqualTo(2);
	}

	private void seasonStarts(boolean starts) throws Exception {
		doAnswer(invocation -> {
			invocation.<DelegateExecution>getArgument(0).setVariable(Var.HEATING_SEASON_STARTS, starts);
			return null;
		}).when(issueMonthlyBills).execute(any());
	}

	private ProcessInstance requestBilling(String kind, String period) {
		return runtimeService().startProcessInstanceByMessage(FeeBillingProcess.BILLING_REQUESTED,
				Map.of(Var.KIND, kind, Var.PERIOD, period, Var.STARTED_BY, "cashier"));
	}

}
