package cn.tianxiacheng.servicecenter.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts {@link StaffCommandGuard} into the engine's command chain, after the command context is
 * opened, so every surface that reaches the engine passes it.
 */
@Component
class EngineGuardPlugin extends AbstractProcessEnginePlugin {

	private final RefusalLog refusals;

	EngineGuardPlugin(RefusalLog refusals) {
		this.refusals = refusals;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
		}
		interceptors.add(new StaffCommandGuard(refusals));
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

}
