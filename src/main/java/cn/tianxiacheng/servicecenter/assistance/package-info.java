/**
 * Assistance (协助办理户口迁移、子女入学): owners' requests for certificates drawn from the center's
 * records (实际居住、缴费、交付) or for help with the developer's documents, the
 * {@code AssistanceRequestProcess}, numbered certificates with a verification code and their
 * public check.
 */
@ApplicationModule(displayName = "assistance 协助办理",
		allowedDependencies = { "estate", "fee", "archive", "journal", "system", "system :: engine",
				"system :: errors", "system :: numbering", "system :: pages", "system :: security", "system :: setup" })
@OwnsTables({ "assistance_request", "certificate" })
package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.system.OwnsTables;
import org.springframework.modulith.ApplicationModule;
