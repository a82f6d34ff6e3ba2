package cn.tianxiacheng.servicecenter.evaluation;

import org.springframework.stereotype.Component;

/** The evaluation's timers for the BPMN: when the half-monthly run starts, how long staff have to confirm. */
@Component("evaluationSchedule")
public class EvaluationSchedule {

	private final EvaluationProperties properties;

	EvaluationSchedule(EvaluationProperties properties) {
		this.properties = properties;
	}

	public String getCron() {
		return properties.cron();
	}

	/** ISO 8601 duration, e.g. {@code P3D}. */
	public String getConfirmWithin() {
		return properties.confirmWithin().toString();
	}

}
