package cn.tianxiacheng.servicecenter.system;

import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Who approves a staff member's request (four eyes, {@link FourEyes}): the first group of the chain
 * usual → otherwise → 区域经理 that has a member other than the requester in the estate the request is
 * made in, so that a request never waits for an approver who does not exist (the one manager's own
 * archive access goes to the director, the one director's repair plan to the manager; in a small estate
 * whose manager is also its director, to the region's manager). A 区域经理 counts only in the estates
 * whose tenant they are a member of, and only they see and work the estate's tasks (the engine's tenant
 * check). With nobody in the chain the request is refused, before anything is recorded. Asked when the
 * process starts.
 */
@Component
@NamedInterface("security")
public class ApproverGroups {

	private final IdentityService identityService;

	ApproverGroups(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** The group id that approves the request of {@code requester} in the estate they work in now. */
	public String approving(StaffGroup usual, StaffGroup otherwise, Staff requester) {
		String estate = requester.workingEstate().code();
		return Stream.of(usual, otherwise, StaffGroup.REGION_MANAGER)
			.filter(group -> someoneElseIn(group, estate, requester.id()))
			.findFirst()
			.map(StaffGroup::id)
			.orElseThrow(() -> new BusinessRuleException("本项目没有可以审批此申请的" + usual.label() + "、" + otherwise.label()
					+ "或区域经理（申请人本人不能审批自己的申请），请系统管理员为本项目添加审批人后再提交"));
	}

	/**
	 * Whether a member of the group other than the requester works in the estate: as a member of its tenant
	 * or through a group that is (as {@link StaffEstates} counts them).
	 */
	private boolean someoneElseIn(StaffGroup group, String estate, String requester) {
		boolean direct = identityService.createUserQuery()
			.memberOfGroup(group.id())
			.memberOfTenant(estate)
			.listPage(0, 2)
			.stream()
			.anyMatch(user -> !user.getId().equals(requester));
		return direct || identityService.createGroupQuery().memberOfTenant(estate).count() > 0
				&& identityService.createUserQuery()
					.memberOfGroup(group.id())
					.list()
					.stream()
					.filter(user -> !user.getId().equals(requester))
					.anyMatch(user -> identityService.createTenantQuery()
						.tenantId(estate)
						.userMember(user.getId())
						.includingGroupsOfUser(true)
						.count() > 0);
	}

}
