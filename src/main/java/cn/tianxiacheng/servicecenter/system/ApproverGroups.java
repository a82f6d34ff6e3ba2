package cn.tianxiacheng.servicecenter.system;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who approves a staff member's request (four eyes, {@link FourEyes}): the group that usually
 * does, unless the requester is its only member; then the group above, so that a request never
 * waits for an approver who does not exist (the one manager's own archive access goes to the
 * director, the one director's repair plan to the manager). Only colleagues of the requester's estates
 * count. Asked when the process starts.
 */
@Component
@NamedInterface("security")
public class ApproverGroups {

	private final IdentityService identityService;

	ApproverGroups(IdentityService identityService) {
		this.identityService = identityService;
	}

	/**
	 * The group id of {@code usual} if someone other than the requester is in it in one of the requester's
	 * estates, else that of {@code otherwise}.
	 */
	public String approving(StaffGroup usual, StaffGroup otherwise, String requester) {
		boolean someoneElse = identityService.createTenantQuery()
			.userMember(requester)
			.includingGroupsOfUser(true)
			.list()
			.stream()
			.flatMap(estate -> identityService.createUserQuery()
				.memberOfGroup(usual.id())
				.memberOfTenant(estate.getId())
				.list()
				.stream())
			.anyMatch(user -> !user.getId().equals(requester));
		return someoneElse ? usual.id() : otherwise.id();
	}

}
