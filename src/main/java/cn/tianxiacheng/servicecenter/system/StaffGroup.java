package cn.tianxiacheng.servicecenter.system;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.modulith.NamedInterface;

/**
 * The staff groups of the service center, kept in Camunda's identity service. Their ids are
 * the candidate groups of every user task.
 */
@NamedInterface("security")
public enum StaffGroup {

	RECEPTION("reception", "接待员", true),
	CASHIER("cashier", "收费员", true),
	MANAGER("manager", "服务中心经理", true),
	DIRECTOR("director", "管理处主任", true),
	ENGINEERING("engineering", "工程部", true),
	/** The engineering department's lead: dispatches its tasks to a named engineer, as the manager may. */
	ENGINEERING_LEAD("engineeringlead", "工程部主管", false),
	SECURITY("security", "秩序维护部", true),
	CLEANING("cleaning", "环境部", true),
	AUDITOR("auditor", "审计", false),
	/**
	 * Works in the estates of their region (the tenants they are a member of) with the posts they also
	 * hold there, compares those estates, and approves there what no one else of the estate may
	 * ({@link ApproverGroups}).
	 */
	REGION_MANAGER("regionmanager", "区域经理", true),
	/** Works in every estate; also in 审计, so reads and changes nothing. */
	GROUP_AUDITOR("groupauditor", "集团审计", false),
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

	/** Members of {@code admin} (or Camunda's own {@code camunda-admin}) administer the engine. */
	public static boolean isAdministrator(Collection<String> groupIds) {
		return groupIds != null && (groupIds.contains(ADMIN.id) || groupIds.contains(Groups.CAMUNDA_ADMIN));
	}

	/** The auditor reads everything and changes nothing, whatever other group they are in. */
	public static boolean isReadOnly(Collection<String> groupIds) {
		return groupIds != null && groupIds.contains(AUDITOR.id);
	}

	/**
	 * Who may hand a task on, to a colleague of its groups or back to their queue: the manager, the lead
	 * of one of its groups (工程部主管 for 工程部), and the person who holds it.
	 */
	public static boolean mayHandOn(String userId, Collection<String> userGroups, String holderId,
			Collection<String> taskGroups) {
		return userGroups.contains(MANAGER.id) || userId.equals(holderId)
				|| (userGroups.contains(ENGINEERING_LEAD.id) && taskGroups.contains(ENGINEERING.id));
	}

	/** The Chinese names of the groups, for messages; an unknown id stays as it is. */
	public static List<String> labels(Collection<String> groupIds) {
		return groupIds.stream().map(StaffGroup::labelOf).toList();
	}

	/** The Chinese name of the group; an unknown id stays as it is. */
	public static String labelOf(String groupId) {
		return Arrays.stream(values()).filter(g -> g.id.equals(groupId)).findFirst().map(StaffGroup::label).orElse(groupId);
	}

}
