package cn.tianxiacheng.servicecenter.system;

import java.time.Duration;
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
 * in one place (Camunda Admin), and carries the user's groups as roles. Repeated failures are
 * slowed down by {@link LoginThrottle}; Camunda's own lock-out is off (see application.yaml),
 * since it locks the owner out for good.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String userId = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
				: "unknown";
		Duration wait = throttle.waitFor(userId, address);
		if (!wait.isZero()) {
			throw new BadCredentialsException("登录失败次数过多，请 " + (wait.toSeconds() + 1) + " 秒后再试");
		}
		Object password = authentication.getCredentials();
		if (userId == null || userId.isBlank() || password == null
				|| !identityService.checkPassword(userId, password.toString())) {
			throttle.failed(userId, address);
			throw new BadCredentialsException("用户名或密码错误");
		}
		throttle.succeeded(userId, address);
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
