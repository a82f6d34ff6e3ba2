package cn.tianxiacheng.servicecenter.decoration;

import org.springframework.stereotype.Component;

/**
 * The decoration timers, for the BPMN ({@code ${decorationSchedule.inspectionCycle}}): ISO 8601
 * durations from {@code servicecenter.decoration.*}. A changed value takes effect when the
 * process is deployed again.
 */
@Component("decorationSchedule")
public class DecorationSchedule {

	private final DecorationProperties properties;

	DecorationSchedule(DecorationProperties properties) {
		this.properties = properties;
	}

	/** A site inspection every so often, for as long as the works run: {@code R/P3D}. */
	public String getInspectionCycle() {
		return "R/" + properties.inspectionEvery();
	}

	public String getHoldPeriod() {
		return properties.holdPeriod().toString();
	}

	public String getReminderAfter() {
		return properties.reminderAfter().toString();
	}

	public String getCancelAfter() {
		return properties.cancelAfter().toString();
	}

	public String getOverrunFollowUpEvery() {
		return properties.overrunFollowUpEvery().toString();
	}

}
