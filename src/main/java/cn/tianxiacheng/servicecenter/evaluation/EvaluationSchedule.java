package cn.tianxiacheng.servicecenter.evaluation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The evaluation's timers for the BPMN: when the half-monthly run starts, how long staff have to confirm. */
@Component("evaluationSchedule")
public class EvaluationSchedule {

	private final String cron;

	private final String confirmWithin;

	EvaluationSchedule(@Value("${servicecenter.evaluation.cron}") String cron,
			@Value("${servicecenter.evaluation.confirm-within}") String confirmWithin) {
		this.cron = cron;
		this.confirmWithin = confirmWithin;
	}

	public String getCron() {
		return cron;
	}

	/** ISO 8601 duration, e.g. {@code P3D}. */
	public String getConfirmWithin() {
		return confirmWithin;
	}

}
