package cn.tianxiacheng.servicecenter.casework;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.EstateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The visit agreed with the owner (预约上门时间), recorded once on the case when the appointment is
 * set, or moved when the engineer waits for parts (the new date, when the estate's service center
 * opens, as the parts timer), and given to the engineer's form as {@code appointmentLabel}.
 */
@Component("appointmentListener")
class AppointmentListener implements TaskListener {

	static final String LABEL = "appointmentLabel";

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private final ServiceCaseRepository cases;

	private final EstateTime estateTime;

	AppointmentListener(ServiceCaseRepository cases, EstateTime estateTime) {
		this.cases = cases;
		this.estateTime = estateTime;
	}

	@Override
	public void notify(DelegateTask task) {
		LocalDateTime appointment;
		if (ServiceRequestProcess.Element.SCHEDULE_APPOINTMENT.equals(task.getTaskDefinitionKey())) {
			appointment = parse(task.getVariable("appointmentAt"), null);
		}
		else if ("NEEDS_PARTS".equals(task.getVariable("workResult"))) {
			appointment = parse(task.getVariable("newDate"), estateTime.opening(task.getTenantId()));
		}
		else {
			return;
		}
		cases.findByCaseNumber(task.getExecution().getProcessBusinessKey()).orElseThrow().appointFor(appointment);
		task.getExecution().setVariable(LABEL, SHOWN.format(appointment));
	}

	/** {@code visitAt}: the time of a value that is a date only; none: the value is a date and time. */
	private static LocalDateTime parse(Object value, LocalTime visitAt) {
		boolean dateOnly = visitAt != null;
		if (!(value instanceof String text) || text.isBlank()) {
			throw new BadInputException("请在日历中选择预约日期" + (dateOnly ? "" : "和时间"));
		}
		try {
			// the form sends 2026-11-29T10:00, with an offset when the form says so: the minutes are what count
			return dateOnly ? LocalDate.parse(text).atTime(visitAt)
					: LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text);
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException("预约时间格式不正确，请在日历中选择日期和时间");
		}
	}

}
