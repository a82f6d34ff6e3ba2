package cn.tianxiacheng.servicecenter.casework;

import cn.tianxiacheng.servicecenter.journal.Journal;

/**
 * The variables a case's processes carry: ids and the facts forms show, never a name or a phone
 * number (the engine's variables and history are readable by every group; the forms link to the
 * case page, which shows the contact as the personal-data rule allows).
 */
final class CaseVariables {

	public static final String CASE_ID = "caseId";

	public static final String CASE_NUMBER = "caseNumber";

	public static final String CASE_TYPE = "caseType";

	public static final String UNIT_ID = "unitId";

	public static final String UNIT_NUMBER = "unitNumber";

	public static final String CHANNEL = "channel";

	public static final String CATEGORY = "category";

	public static final String URGENCY = "urgency";

	/** 紧急 / 一般: what forms and Tasklist's cards show. */
	public static final String URGENCY_LABEL = "urgencyLabel";

	public static final String DESCRIPTION = "description";

	/** Who registered a case in Tasklist: the start event's initiator, set by the engine. */
	public static final String REGISTERED_BY = "registeredBy";

	/**
	 * The last few steps, a line each (when, which step, who, the start of their opinion), for
	 * the next handler's form; bounded in size. The whole story is the case's, in the app.
	 */
	public static final String RECENT_STEPS = Journal.RECENT_STEPS;

	/** The opinion the handler of a step writes in its form. */
	public static final String OPINION = Journal.OPINION;

	private CaseVariables() {
	}

}
