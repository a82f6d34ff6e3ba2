package cn.tianxiacheng.servicecenter.system;

import java.util.Arrays;
import java.util.List;

/**
 * The staff groups of the service center, kept in Camunda's identity service. Their ids are
 * the candidate groups of every user task.
 */
public enum StaffGroup {

	RECEPTION("reception", "接待员", true),
	CASHIER("cashier", "收费员", true),
	MANAGER("manager", "服务中心经理", true),
	DIRECTOR("director", "管理处主任", true),
	ENGINEERING("engineering", "工程部", true),
	SECURITY("security", "秩序维护部", true),
	CLEANING("cleaning", "环境部", true),
	AUDITOR("auditor", "审计", false),
	ADMIN("admin", "系统管理员", false);

	private final String id;

	private final String label;

	private final boolean receivesWork;

	StaffGroup(String id, String label, boolean receivesWork) {
		this.id = id;
		this.label = label;
		this.receivesWork = receivesWork;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

	/** Whether tasks are dispatched to this group, so it needs its own queue in Tasklist. */
	public boolean receivesWork() {
		return receivesWork;
	}

	public static List<StaffGroup> workGroups() {
		return Arrays.stream(values()).filter(StaffGroup::receivesWork).toList();
	}

}
