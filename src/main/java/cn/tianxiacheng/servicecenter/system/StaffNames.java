package cn.tianxiacheng.servicecenter.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Staff by their names (王丽), not their login ids, on pages, journals and receipts: 姓 then 名,
 * held as Camunda's first and last name (Admin labels them so). The system's own steps show as 系统. Names are looked up once (a renamed user shows after a restart).
 */
@Component
@NamedInterface("security")
public class StaffNames {

	private final IdentityService identityService;

	private final EngineAsSystem asSystem;

	private final Map<String, String> names = new ConcurrentHashMap<>();

	StaffNames(IdentityService identityService, EngineAsSystem asSystem) {
		this.identityService = identityService;
		this.asSystem = asSystem;
	}

	public String of(String userId) {
		if (userId == null || userId.isBlank()) {
			return "";
		}
		if (userId.equals(Staff.SYSTEM.id())) {
			return "系统";
		}
		return names.computeIfAbsent(userId, id -> {
			User user = asSystem.call(() -> identityService.createUserQuery().userId(id).singleResult());
			return user == null || user.getFirstName() == null ? id
					: user.getFirstName() + (user.getLastName() == null ? "" : user.getLastName());
		});
	}

}
