package cn.tianxiacheng.servicecenter.system;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;

/**
 * The engine's password doors, whatever the surface ({@code /engine-rest}, the webapps' API):
 * <ul>
 * <li>a password is checked for a staff member's request ({@code identity/verify}, the current
 * password of a password change) only through {@link LoginThrottle}, and only the administrator
 * may check another user's: anyone else may check only their own, to change it;</li>
 * <li>a password set by a staff member's request (Camunda Admin, the profile, the REST API) must
 * meet {@link PasswordRules}; the application's own users, set up as the system, are not checked;</li>
 * <li>a changed password or a deleted user ends that user's sessions, but for the session that
 * changed its own password.</li>
 * </ul>
 */
class PasswordGuard extends CommandInterceptor {

	private static final String NOT_YOURS = "只有系统管理员可以核对他人的密码";

	private final LoginThrottle throttle;

	private final FailedLoginLogger logger;

	private final PasswordRules rules;

	private final ObjectProvider<SessionRegistry> sessions;

	PasswordGuard(LoginThrottle throttle, FailedLoginLogger logger, PasswordRules rules,
			ObjectProvider<SessionRegistry> sessions) {
		this.throttle = throttle;
		this.logger = logger;
		this.rules = rules;
		this.sessions = sessions;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T execute(Command<T> command) {
		CommandContext context = Context.getCommandContext();
		Authentication caller = context.getAuthentication();
		boolean staffRequest = caller != null && caller.getUserId() != null;
		if (staffRequest && command instanceof CheckPassword check) {
			return (T) checkPassword(check, context, caller);
		}
		String passwordOf = command instanceof SaveUserCmd save ? newPasswordOf(StaffCommandGuard.field(save, "user"))
				: null;
		if (staffRequest && passwordOf != null) {
			String password = StaffCommandGuard.field(StaffCommandGuard.field(command, "user"), "newPassword");
			rules.refusal(passwordOf, password).ifPresent(refusal -> {
				throw refused(new BadInputException(refusal));
			});
		}
		T result = next.execute(command);
		if (passwordOf != null) {
			endSessions(passwordOf, caller);
		}
		else if (command instanceof DeleteUserCmd delete) {
			endSessions(StaffCommandGuard.field(delete, "userId"), null);
		}
		return result;
	}

	private Boolean checkPassword(CheckPassword command, CommandContext context, Authentication caller) {
		String userId = StaffCommandGuard.field(command, "userId");
		String client = PasswordDoors.client();
		String door = PasswordDoors.current();
		boolean own = caller.getUserId().equals(userId) && PasswordDoors.isPasswordChange();
		if (!own && !StaffGroup.isAdministrator(caller.getGroupIds())) {
			throttle.failed(userId, client);
			logger.refused(userId, client, door, "checked by " + caller.getUserId() + ", not the administrator");
			throw refused(new AccessDeniedException(NOT_YOURS));
		}
		try {
			throttle.check(userId, client,
					() -> userId != null && context.getDbEntityManager().selectById(UserEntity.class, userId) != null);
		}
		catch (LoginDelayedException delayed) {
			logger.refused(userId, client, door, delayed.seconds() + " s to wait");
			throw refused(delayed);
		}
		Boolean right = (Boolean) next.execute(command);
		if (Boolean.TRUE.equals(right)) {
			throttle.succeeded(userId, client);
		}
		else {
			throttle.failed(userId, client);
			logger.wrongPassword(userId, client, door);
		}
		return right;
	}

	/** The user whose password the command sets, or null. */
	private static String newPasswordOf(User user) {
		return user instanceof UserEntity entity && entity.hasNewPassword() ? entity.getId() : null;
	}

	private void endSessions(String userId, Authentication caller) {
		SessionRegistry registry = sessions.getIfAvailable();
		if (registry == null || userId == null) {
			return;
		}
		HttpServletRequest request = PasswordDoors.request();
		HttpSession own = request == null || caller == null || !userId.equals(caller.getUserId()) ? null
				: request.getSession(false);
		// a session's principal is the staff member in an estate (StaffPrincipal): found by their name
		for (Object principal : registry.getAllPrincipals()) {
			String name = principal instanceof AuthenticatedPrincipal staff ? staff.getName() : String.valueOf(principal);
			if (!userId.equals(name)) {
				continue;
			}
			for (SessionInformation session : registry.getAllSessions(principal, false)) {
				if (own == null || !own.getId().equals(session.getSessionId())) {
					session.expireNow();
				}
			}
		}
	}

	private static RuntimeException refused(RuntimeException refusal) {
		EngineErrorResponses.recordRefusal(refusal);
		return refusal;
	}

}
