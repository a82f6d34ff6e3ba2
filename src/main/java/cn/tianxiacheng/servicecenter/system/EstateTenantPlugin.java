package cn.tianxiacheng.servicecenter.system;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Gives every process and decision instance the tenant of its estate, on the shared deployments: a
 * called process or decision its caller's; one the app starts for a staff member or for an estate
 * ({@link EngineAsSystem}) that estate's; one a running process starts the starter's; one staff start
 * themselves the estate they work in. A process started by its timer (the company's billing, for one)
 * belongs to no estate, and does its work estate by estate.
 */
@Component
class EstateTenantPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setTenantIdProvider(new EstateOfTheStarter());
	}

	private static final class EstateOfTheStarter implements TenantIdProvider {

		@Override
		public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
			if (ctx.getSuperExecution() != null) {
				return ctx.getSuperExecution().getTenantId();
			}
			return ofTheStarter();
		}

		@Override
		public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
			return null;
		}

		@Override
		public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
			if (ctx.getExecution() != null) {
				return ctx.getExecution().getTenantId();
			}
			return ofTheStarter();
		}

		private static String ofTheStarter() {
			String actingFor = EngineAsSystem.actingInTenant();
			if (actingFor != null) {
				return actingFor;
			}
			BpmnExecutionContext running = Context.getBpmnExecutionContext();
			if (running != null && running.getExecution() != null) {
				return running.getExecution().getTenantId();
			}
			Authentication caller = Context.getCommandContext() == null ? null
					: Context.getCommandContext().getAuthentication();
			List<String> tenants = caller == null ? null : caller.getTenantIds();
			return tenants != null && tenants.size() == 1 ? tenants.get(0) : null;
		}

	}

}
