package cn.tianxiacheng.servicecenter.parking;

import cn.tianxiacheng.servicecenter.journal.Journal;

/**
 * {@code ParkingLeaseProcess} (车位租赁): key, messages, element ids and variables. The business key
 * is the contract number ({@code TXC-CW-20261127-0001}).
 */
public final class ParkingLeaseProcess {

	public static final String KEY = "ParkingLeaseProcess";

	/** The rent billed for the contract was paid at the counter. */
	static final String RENT_PAID = "ParkingRentPaid";

	/** Reception renewed the lease: the term goes on from the day after the old end. */
	static final String RENEWED = "ParkingLeaseRenewed";

	/** Reception ended the lease before its end. */
	static final String TERMINATED = "ParkingLeaseTerminated";

	/** A new household moved into the lease's unit: reception settles the lease with the former lessee. */
	static final String HOUSEHOLD_CHANGED = "ParkingLeaseHouseholdChanged";

	private ParkingLeaseProcess() {
	}

	public static final class Element {

		public static final String CHECK_APPLICATION = "Task_CheckApplication";

		public static final String RECORD_CHECK = "Task_RecordCheck";

		public static final String APPLICATION_REFUSED = "EndEvent_ApplicationRefused";

		public static final String ISSUE_CONTRACT = "Task_IssueContract";

		public static final String COLLECT_RENT = "Task_CollectRent";

		public static final String RENT_PAID_AT_COUNTER = "BoundaryEvent_RentPaidAtCounter";

		public static final String CHECK_RENT_PAID = "Task_CheckRentPaid";

		public static final String ACTIVATE_LEASE = "Task_ActivateLease";

		public static final String TERM = "SubProcess_Term";

		public static final String FIRST_REMINDER_DUE = "Event_FirstReminderDue";

		public static final String FIRST_REMINDER_CALL = "Task_FirstReminderCall";

		public static final String SECOND_REMINDER_DUE = "Event_SecondReminderDue";

		public static final String SECOND_REMINDER_CALL = "Task_SecondReminderCall";

		public static final String TERM_ENDS = "Event_TermEnds";

		public static final String NEXT_RENT_DUE = "Event_NextRentDue";

		public static final String ISSUE_MONTH_RENT = "Task_IssueMonthRent";

		public static final String RENEWED_IN_TERM = "BoundaryEvent_RenewedInTerm";

		public static final String TERMINATED = "BoundaryEvent_Terminated";

		public static final String LEASE_TERMINATED = "EndEvent_LeaseTerminated";

		public static final String HOUSEHOLD_CHANGED = "BoundaryEvent_HouseholdChanged";

		public static final String REVIEW_AFTER_MOVE_IN = "Task_ReviewAfterMoveIn";

		public static final String LEASE_REVIEWED = "EndEvent_LeaseReviewed";

		public static final String START_GRACE = "Task_StartGrace";

		public static final String GRACE_OUTCOME = "Gateway_GraceOutcome";

		public static final String RENEWED_IN_GRACE = "Event_RenewedInGrace";

		public static final String GRACE_ENDS = "Event_GraceEnds";

		public static final String RELEASE_SPACE = "Task_ReleaseSpace";

		public static final String SPACE_RELEASED = "EndEvent_SpaceReleased";

		private Element() {
		}

	}

	public static final class Var {

		/** The contract number, under the name Tasklist's cards show. */
		public static final String CASE_NUMBER = "caseNumber";

		public static final String UNIT_ID = "unitId";

		public static final String UNIT_NUMBER = "unitNumber";

		public static final String CATEGORY = "category";

		public static final String URGENCY_LABEL = "urgencyLabel";

		public static final String SPACE_NUMBER = "spaceNumber";

		public static final String PLATES = "plates";

		/** 业主 / 租户 with the name masked. */
		public static final String LESSEE = "lessee";

		/** The term and the plan, in words, kept current by the delegates. */
		public static final String TERM_TEXT = "termText";

		/** Rent billed and not yet paid when the cashier collects, in yuan. */
		public static final String RENT_DUE = "rentDue";

		/** From the check form: APPROVE or REFUSE. */
		public static final String CHECK_RESULT = "checkResult";

		public static final String APPLICATION_APPROVED = "applicationApproved";

		public static final String RENT_PAID = "rentPaid";

		public static final String RECENT_STEPS = Journal.RECENT_STEPS;

		public static final String OPINION = Journal.OPINION;

		private Var() {
		}

	}

}
