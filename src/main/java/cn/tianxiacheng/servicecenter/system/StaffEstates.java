package cn.tianxiacheng.servicecenter.system;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Who works where: a staff member works in the estates whose engine tenants they, or one of their
 * groups, are a member of; 系统管理员 and 集团审计 in every estate. Camunda Admin keeps the memberships,
 * so the engine's tenant check and the app's estate scope read the same list.
 */
@Component
class StaffEstates {

	private final IdentityService identityService;

	private final EstateDirectory directory;

	StaffEstates(IdentityService identityService, EstateDirectory directory) {
		this.identityService = identityService;
		this.directory = directory;
	}

	List<EstateRef> of(String userId, Collection<String> groupIds) {
		if (StaffGroup.isAdministrator(groupIds) || groupIds.contains(StaffGroup.GROUP_AUDITOR.id())) {
			return directory.all();
		}
		Set<String> codes = identityService.createTenantQuery()
			.userMember(userId)
			.includingGroupsOfUser(true)
			.list()
			.stream()
			.map(Tenant::getId)
			.collect(Collectors.toSet());
		return directory.all().stream().filter(estate -> codes.contains(estate.code())).toList();
	}

	/** The signed-in form of the staff member, working in the first of their estates. */
	StaffPrincipal principal(String userId, Collection<String> groupIds) {
		List<EstateRef> estates = of(userId, groupIds);
		return new StaffPrincipal(userId, estates, estates.isEmpty() ? null : estates.get(0));
	}

}
