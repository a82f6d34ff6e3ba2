package cn.tianxiacheng.servicecenter.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Puts {@link StaffCommandGuard} and {@link PasswordGuard} into the engine's command chain, after
 * the command context is opened, so every surface that reaches the engine passes them.
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

	private final RefusalLog refusals;

	private final PasswordGuard passwordGuard;

	EngineGuardPlugin(RefusalLog refusals, LoginThrottle throttle, FailedLoginLogger logger, PasswordRules rules,
			ObjectProvider<SessionRegistry> sessions) {
		this.refusals = refusals;
		this.passwordGuard = new PasswordGuard(throttle, logger, rules, sessions);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
		}
		interceptors.add(new StaffCommandGuard(refusals));
		interceptors.add(passwordGuard);
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

}
