package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks staff passwords against Camunda's identity service, so users and groups are managed
 * in one place (Camunda Admin), and carries the user's groups as roles and their estates. Every check passes
 * {@link LoginThrottle}; Camunda's own lock-out is off (see application.yaml), since it locks the
 * owner out for good.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	private final FailedLoginLogger logger;

	private final StaffEstates estates;

	CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
			FailedLoginLogger logger, StaffEstates estates) {
		this.identityService = identityService;
		this.throttle = throttle;
		this.logger = logger;
		this.estates = estates;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		String client = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
				: "unknown";
		String door = authentication.getDetails() instanceof LoginDetails login ? login.door() : "login";
		try {
			throttle.check(userId, client, () -> userId != null && !userId.isBlank()
					&& identityService.createUserQuery().userId(userId).count() > 0);
		}
		catch (LoginDelayedException delayed) {
			logger.refused(userId, client, door, delayed.seconds() + " s to wait");
			throw delayed;
		}
		Object password = authentication.getCredentials();
		if (userId == null || userId.isBlank() || password == null
				|| !identityService.checkPassword(userId, password.toString())) {
			throttle.failed(userId, client);
			logger.wrongPassword(userId, client, door);
			throw new BadCredentialsException("用户名或密码错误");
		}
		throttle.succeeded(userId, client);
		List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
			.map(Group::getId)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(estates.principal(userId, groupIds), null,
				StaffAuthorities.of(groupIds));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
