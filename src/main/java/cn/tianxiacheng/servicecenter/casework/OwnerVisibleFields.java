package cn.tianxiacheng.servicecenter.casework;

import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.journal.Journal;

/**
 * The one allow-list of what an owner sees of a completed step: per task, the form fields whose
 * answer is meant for the owner (the outcome, the result written for them), with the words the
 * owner reads. Every other field stays internal: the first response's and the manager's notes,
 * the confirmation and visit records, compensation, charge codes (the charges show on their own),
 * the chase notes of an escalation. A field not listed here is never shown.
 */
final class OwnerVisibleFields {

	/**
	 * A field shown to the owner: its label, and the words for its stored values (none: the value as
	 * written, with its unit).
	 */
	record Field(String key, String label, Map<Object, String> values, String unit) {

		Field(String key, String label, Map<Object, String> values) {
			this(key, label, values, "");
		}

		String shown(Object value) {
			if (value == null || value.toString().isBlank()) {
				return null;
			}
			if (!values.isEmpty()) {
				return values.get(value);
			}
			// a picked time is the estate's local time as typed (2030-01-01T10:00)
			return (key.equals(APPOINTMENT_AT) ? value.toString().replace('T', ' ') : value.toString()) + unit;
		}

	}

	private static final String APPOINTMENT_AT = "appointmentAt";

	private static final Map<String, List<Field>> BY_TASK = Map.of(
			ComplaintProcess.Element.FIRST_RESPONSE,
			List.of(new Field("decision", "处理方式",
					Map.of("RESOLVED", "已当场解决", "DISPATCH", "派往相关部门处理", "ESCALATE", "交由经理处理"))),
			ComplaintProcess.Element.DEPARTMENT_HANDLES, List.of(new Field(Journal.OPINION, "处理结果", Map.of())),
			ComplaintProcess.Element.MANAGER_HANDLES,
			List.of(new Field("managerDecision", "经理处理", Map.of("RESOLVED", "已处理完毕", "DISPATCH", "派往部门处理"))),
			ComplaintProcess.Element.CONFIRM_RESOLUTION, List.of(confirmed()),
			ServiceRequestProcess.Element.SCHEDULE_APPOINTMENT, List.of(new Field(APPOINTMENT_AT, "预约上门时间", Map.of())),
			ServiceRequestProcess.Element.DO_WORK,
			List.of(new Field("workResult", "处理结果",
					Map.of("DONE", "已完成", "NEEDS_PARTS", "需要配件，另约时间", "CANNOT_DO", "无法处理")),
					new Field(Journal.OPINION, "处理记录", Map.of())),
			ServiceRequestProcess.Element.CONFIRM_WITH_OWNER, List.of(confirmed()),
			ReturnVisitProcess.Element.RETURN_VISIT,
			List.of(new Field(ReturnVisitProcess.SATISFACTION, "满意度", Map.of(), " 分")));

	private OwnerVisibleFields() {
	}

	private static Field confirmed() {
		return new Field("ownerConfirmed", "确认结果", Map.of(true, "业主已确认", false, "未解决，继续处理"));
	}

	/** The fields of a task that the owner sees, in the order shown; none for a task not listed. */
	static List<Field> of(String taskDefinitionKey) {
		return BY_TASK.getOrDefault(taskDefinitionKey, List.of());
	}

	static Map<String, List<Field>> all() {
		return BY_TASK;
	}

}
