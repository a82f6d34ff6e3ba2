package cn.tianxiacheng.servicecenter.parking;

import static cn.tianxiacheng.servicecenter.StaffApi.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import cn.tianxiacheng.servicecenter.ProcessTestSupport;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Element;
import cn.tianxiacheng.servicecenter.parking.ParkingLeaseProcess.Var;
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
 * Every path of {@code ParkingLeaseProcess}: refused at the check; rent collected by the cashier
 * or paid at the counter; reminders 30 and 7 days before the end; renewed in the term (the
 * reminders go) or in the grace period; not renewed, the space released after the grace period;
 * terminated early; a monthly plan billed month by month.
 */
@Deployment(resources = {
		"processes/ParkingLeaseProcess.bpmn",
		"forms/parking-check.form",
		"forms/parking-collect-rent.form",
		"forms/parking-remind.form" })
class ParkingLeaseProcessTests extends ProcessTestSupport {

	@RegisterExtension
	static ProcessEngineExtension engine = engineExtension();

	/** The lease's timer dates, as {@code parkingLeaseDates} reads them from the record. */
	public static class Dates {

		boolean rentToBill;

		public Date firstReminder(DelegateExecution execution) {
			return inDays(60);
		}

		public Date secondReminder(DelegateExecution execution) {
			return inDays(83);
		}

		public Date termEnds(DelegateExecution execution) {
			return inDays(91);
		}

		public Date graceEnds(DelegateExecution execution) {
			return inDays(98);
		}

		public boolean hasRentToBill(DelegateExecution execution) {
			return rentToBill;
		}

		public Date nextRentDue(DelegateExecution execution) {
			return inDays(30);
		}

		private static Date inDays(int days) {
			return Date.from(Instant.now().plus(days, ChronoUnit.DAYS));
		}

	}

	Dates dates = new Dates();

	JavaDelegate recordCheck = registered("recordLeaseCheckDelegate", JavaDelegate.class);

	JavaDelegate issueContract = registered("issueLeaseContractDelegate", JavaDelegate.class);

	JavaDelegate checkRentPaid = registered("checkLeaseRentPaidDelegate", JavaDelegate.class);

	JavaDelegate activate = registered("activateLeaseDelegate", JavaDelegate.class);

	JavaDelegate issueMonthRent = registered("issueMonthRentDelegate", JavaDelegate.class);

	JavaDelegate startGrace = registered("startLeaseGraceDelegate", JavaDelegate.class);

	JavaDelegate releaseSpace = registered("releaseParkingSpaceDelegate", JavaDelegate.class);

	boolean paid = true;

	@BeforeEach
	void registerMocks() {
		Mocks.register("parkingLeaseDates", dates);
		answer(recordCheck, execution -> execution.setVariable(Var.APPLICATION_APPROVED,
				"APPROVE".equals(execution.getVariable(Var.CHECK_RESULT))));
		answer(checkRentPaid, execution -> execution.setVariable(Var.RENT_PAID, paid));
	}

	@Test
	void shouldEndAnApplicationReceptionRefuses() throws Exception {
		ProcessInstance lease = start();

		assertThat(lease).isWaitingAt(Element.CHECK_APPLICATION).task().hasCandidateGroup("reception");
		complete(task(lease), vars("checkResult", "REFUSE", "opinion", "车辆登记在其他房屋"));
		execute(job(Element.RECORD_CHECK, lease));

		assertThat(lease).hasPassed(Element.APPLICATION_REFUSED).isEnded();
		verify(issueContract, never()).execute(any());
	}

	@Test
	void shouldActivateTheLeaseOnceTheCashierHasCollectedTheRent() throws Exception {
		ProcessInstance lease = start();
		complete(task(lease), vars("checkResult", "APPROVE", "opinion", "核对无误"));
		execute(job(Element.RECORD_CHECK, lease));
		execute(job(Element.ISSUE_CONTRACT, lease));

		assertThat(lease).isWaitingAt(Element.COLLECT_RENT).task().hasCandidateGroup("cashier");
		paid = false;
		complete(task(lease), vars("opinion", "业主说明天来交"));
		execute(job(Element.CHECK_RENT_PAID, lease));
		assertThat(lease).isWaitingAt(Element.COLLECT_RENT);
		paid = true;
		complete(task(lease), vars("opinion", "已收"));
		execute(job(Element.CHECK_RENT_PAID, lease));
		execute(job(Element.ACTIVATE_LEASE, lease));

		verify(activate).execute(any());
		assertThat(lease).isWaitingAt(Element.FIRST_REMINDER_DUE, Element.SECOND_REMINDER_DUE, Element.TERM_ENDS)
			.hasPassed(Element.ISSUE_CONTRACT, Element.CHECK_RENT_PAID);
	}

	@Test
	void shouldActivateTheLeaseWhenTheRentIsPaidAtTheCounter() throws Exception {
		ProcessInstance lease = start();
		complete(task(lease), vars("checkResult", "APPROVE", "opinion", "核对无误"));
		execute(job(Element.RECORD_CHECK, lease));
		execute(job(Element.ISSUE_CONTRACT, lease));

		correlate(ParkingLeaseProcess.RENT_PAID);
		execute(job(Element.ACTIVATE_LEASE, lease));

		assertThat(lease).hasPassed(Element.RENT_PAID_AT_COUNTER).isWaitingAt(Element.TERM_ENDS);
		assertThat(taskQuery().processInstanceId(lease.getId()).count()).isZero();
	}

	@Test
	void shouldAskReceptionToCall30And7DaysBeforeTheEnd() throws Exception {
		ProcessInstance lease = active();

		execute(job(Element.FIRST_REMINDER_DUE, lease));
		assertThat(lease).isWaitingAt(Element.FIRST_REMINDER_CALL).task().hasCandidateGroup("reception");
		complete(task(Element.FIRST_REMINDER_CALL, lease), vars("opinion", "业主考虑续租"));
		execute(job(Element.SECOND_REMINDER_DUE, lease));

		assertThat(lease).isWaitingAt(Element.SECOND_REMINDER_CALL, Element.TERM_ENDS)
			.hasPassed(Element.FIRST_REMINDER_CALL);
	}

	@Test
	void shouldDropTheRemindersOfATermThatWasRenewed() throws Exception {
		ProcessInstance lease = active();
		execute(job(Element.FIRST_REMINDER_DUE, lease));
		assertThat(lease).isWaitingAt(Element.FIRST_REMINDER_CALL);

		correlate(ParkingLeaseProcess.RENEWED);

		assertThat(lease).hasPassed(Element.RENEWED_IN_TERM)
			.isWaitingAt(Element.FIRST_REMINDER_DUE, Element.SECOND_REMINDER_DUE, Element.TERM_ENDS);
		assertThat(taskQuery().processInstanceId(lease.getId()).count()).as("no call for a renewed lease").isZero();
	}

	@Test
	void shouldReleaseTheSpaceAfterTheGracePeriodOfALeaseNotRenewed() throws Exception {
		ProcessInstance lease = active();

		execute(job(Element.TERM_ENDS, lease));
		execute(job(Element.START_GRACE, lease));
		assertThat(lease).isWaitingAt(Element.GRACE_OUTCOME);
		execute(job(Element.GRACE_ENDS, lease));
		execute(job(Element.RELEASE_SPACE, lease));

		verify(startGrace).execute(any());
		verify(releaseSpace).execute(any());
		assertThat(lease).hasPassedInOrder(Element.TERM_ENDS, Element.START_GRACE, Element.GRACE_ENDS,
				Element.RELEASE_SPACE, Element.SPACE_RELEASED).isEnded();
	}

	@Test
	void shouldGoOnWithALeaseRenewedInItsGracePeriod() throws Exception {
		ProcessInstance lease = active();
		execute(job(Element.TERM_ENDS, lease));
		execute(job(Element.START_GRACE, lease));

		correlate(ParkingLeaseProcess.RENEWED);

		assertThat(lease).hasPassed(Element.RENEWED_IN_GRACE).isWaitingAt(Element.TERM_ENDS);
		verify(releaseSpace, never()).execute(any());
	}

	@Test
	void shouldEndALeaseTerminatedEarly() throws Exception {
		ProcessInstance lease = active();
		execute(job(Element.FIRST_REMINDER_DUE, lease));

		correlate(ParkingLeaseProcess.TERMINATED);

		assertThat(lease).hasPassed(Element.TERMINATED, Element.LEASE_TERMINATED).isEnded();
		verify(releaseSpace, never()).execute(any());
	}

	@Test
	void shouldAskReceptionToSettleTheLeaseWithTheFormerLesseeWhenANewHouseholdMovesIn() throws Exception {
		ProcessInstance lease = active();

		correlate(ParkingLeaseProcess.HOUSEHOLD_CHANGED);

		assertThat(lease).hasPassed(Element.HOUSEHOLD_CHANGED)
			.isWaitingAt(Element.REVIEW_AFTER_MOVE_IN, Element.TERM_ENDS)
			.task(Element.REVIEW_AFTER_MOVE_IN)
			.hasCandidateGroup("reception");
		complete(task(Element.REVIEW_AFTER_MOVE_IN, lease), vars("opinion", "原承租人继续租用至期满"));

		assertThat(lease).hasPassed(Element.LEASE_REVIEWED).isWaitingAt(Element.TERM_ENDS);
	}

	@Test
	void shouldEndALeaseTerminatedAfterTheMoveInReview() throws Exception {
		ProcessInstance lease = active();
		correlate(ParkingLeaseProcess.HOUSEHOLD_CHANGED);
		complete(task(Element.REVIEW_AFTER_MOVE_IN, lease), vars("opinion", "原承租人已搬走，办理退租"));

		correlate(ParkingLeaseProcess.TERMINATED);

		assertThat(lease).hasPassed(Element.LEASE_REVIEWED, Element.LEASE_TERMINATED).isEnded();
	}

	@Test
	void shouldBillAMonthlyPlanMonthByMonth() throws Exception {
		dates.rentToBill = true;
		ProcessInstance lease = active();

		execute(job(Element.NEXT_RENT_DUE, lease));
		execute(job(Element.ISSUE_MONTH_RENT, lease));
		dates.rentToBill = false;
		execute(job(Element.NEXT_RENT_DUE, lease));
		execute(job(Element.ISSUE_MONTH_RENT, lease));

		verify(issueMonthRent, times(2)).execute(any());
		assertThat(lease).hasPassed("EndEvent_RentAllBilled").isWaitingAt(Element.TERM_ENDS);
		assertThat(runtimeService().createExecutionQuery().activityId(Element.NEXT_RENT_DUE).count()).isZero();
	}

	private ProcessInstance active() throws Exception {
		ProcessInstance lease = start();
		complete(task(lease), vars("checkResult", "APPROVE", "opinion", "核对无误"));
		execute(job(Element.RECORD_CHECK, lease));
		execute(job(Element.ISSUE_CONTRACT, lease));
		complete(task(lease), vars("opinion", "已收"));
		execute(job(Element.CHECK_RENT_PAID, lease));
		execute(job(Element.ACTIVATE_LEASE, lease));
		assertThat(lease).isWaitingAt(Element.TERM_ENDS);
		return lease;
	}

	private static void correlate(String message) {
		runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("CW-20261127-0001").correlate();
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(ParkingLeaseProcess.KEY, "CW-20261127-0001",
				vars(Var.CASE_NUMBER, "CW-20261127-0001", Var.UNIT_NUMBER, "3-2-1501", Var.SPACE_NUMBER, "B1-023",
						Var.RECENT_STEPS, ""));
	}

}
