package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks staff passwords against Camunda's identity service, so users and groups are managed
 * in one place (Camunda Admin), and carries the user's groups as roles.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	CamundaIdentityAuthenticationProvider(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		Object password = authentication.getCredentials();
		if (userId == null || userId.isBlank() || password == null
				|| !identityService.checkPassword(userId, password.toString())) {
			throw new BadCredentialsException("用户名或密码错误");
		}
		List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
			.map(Group::getId)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(userId, null, StaffAuthorities.of(groupIds));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
