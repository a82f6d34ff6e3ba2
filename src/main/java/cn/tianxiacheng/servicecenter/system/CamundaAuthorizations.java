package cn.tianxiacheng.servicecenter.system;

import static cn.tianxiacheng.servicecenter.system.StaffGroup.ADMIN;
import static cn.tianxiacheng.servicecenter.system.StaffGroup.AUDITOR;
import static cn.tianxiacheng.servicecenter.system.StaffGroup.DIRECTOR;
import static cn.tianxiacheng.servicecenter.system.StaffGroup.MANAGER;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations of each staff group, granted idempotently at start:
 * every group works in Tasklist on the tasks dispatched to it (candidate groups get the task
 * permission from the engine); manager, director and auditor also read every case and its
 * history in Cockpit; the auditor changes nothing; only {@code admin} reaches Camunda Admin
 * ({@code camunda-admin}, Camunda's own administrators' group, has the same rights).
 * Each process adds who may start it.
 */
@Component
@NamedInterface("security")
public class CamundaAuthorizations {

	private static final Permission[] READ_EVERYTHING_ON_DEFINITIONS = { Permissions.READ, Permissions.READ_HISTORY,
			Permissions.READ_INSTANCE };

	private final AuthorizationService authorizationService;

	CamundaAuthorizations(AuthorizationService authorizationService) {
		this.authorizationService = authorizationService;
	}

	void ensureStaffAuthorizations() {
		for (StaffGroup group : StaffGroup.values()) {
			grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			grant(group, Resources.USER, ANY, Permissions.READ);
			grant(group, Resources.GROUP, ANY, Permissions.READ);
			// the cases' facts on Tasklist's cards are process variables (never personal data)
			grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE);
		}
		for (StaffGroup reader : List.of(MANAGER, DIRECTOR, AUDITOR)) {
			grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grant(reader, Resources.PROCESS_DEFINITION, ANY, READ_EVERYTHING_ON_DEFINITIONS);
			grant(reader, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
			grant(reader, Resources.TASK, ANY, Permissions.READ);
			grant(reader, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
			grant(reader, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
			grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ);
			grant(reader, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
		}
		// The manager supervises the queues and may hand a task to someone else.
		grant(MANAGER, Resources.TASK, ANY, Permissions.TASK_ASSIGN);
		for (Resources resource : Resources.values()) {
			grant(ADMIN.id(), resource, ANY, Permissions.ALL);
			grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
		}
	}

	/** Lets each of the groups start instances of one process definition. */
	public void allowStart(String processDefinitionKey, StaffGroup... groups) {
		for (StaffGroup group : groups) {
			grant(group, Resources.PROCESS_DEFINITION, processDefinitionKey, Permissions.CREATE_INSTANCE);
			grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
		}
	}

	/** Lets the groups read one Tasklist filter (or any other resource instance). */
	void allowRead(Resource resource, String resourceId, List<StaffGroup> groups) {
		for (StaffGroup group : groups) {
			grant(group, resource, resourceId, Permissions.READ);
		}
	}

	private void grant(StaffGroup group, Resource resource, String resourceId, Permission... permissions) {
		grant(group.id(), resource, resourceId, permissions);
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = authorizationService.createAuthorizationQuery()
			.authorizationType(AUTH_TYPE_GRANT)
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.list()
			.stream()
			.findFirst()
			.orElseGet(() -> newGrant(groupId, resource, resourceId));
		List<Permission> missing = Arrays.stream(permissions)
			.filter(permission -> !authorization.isPermissionGranted(permission))
			.toList();
		if (!missing.isEmpty()) {
			missing.forEach(authorization::addPermission);
			authorizationService.saveAuthorization(authorization);
		}
	}

	private Authorization newGrant(String groupId, Resource resource, String resourceId) {
		Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		return authorization;
	}

}
