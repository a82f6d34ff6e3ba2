package cn.tianxiacheng.servicecenter.audit;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The words Cockpit's variables are shown in ({@code cockpit/scripts/staff-words.js}): the same
 * labels as the audit story's, the names of the estate's staff by login id, and the estate's time zone.
 */
@RestController
class WebappWordsController {

	record Words(Map<String, String> names, Map<String, String> values, Map<String, String> people, String zone) {
	}

	private final VariableLabels labels;

	private final StaffNames staffNames;

	private final IdentityService identityService;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	WebappWordsController(VariableLabels labels, StaffNames staffNames, IdentityService identityService,
			EngineAsSystem asSystem, Clock clock) {
		this.labels = labels;
		this.staffNames = staffNames;
		this.identityService = identityService;
		this.asSystem = asSystem;
		this.clock = clock;
	}

	@GetMapping("/api/webapp-words")
	Words words(Authentication viewer) {
		String estate = Staff.of(viewer).workingEstate().code();
		// the estate's staff, and those who work in every estate (系统管理员, 集团审计)
		Map<String, String> people = asSystem.call(() -> Stream.of(identityService.createUserQuery().memberOfTenant(estate),
				identityService.createUserQuery().memberOfGroup(StaffGroup.ADMIN.id()),
				identityService.createUserQuery().memberOfGroup(StaffGroup.GROUP_AUDITOR.id()))
			.flatMap(query -> query.list().stream())
			.toList())
			.stream()
			.map(User::getId)
			.distinct()
			.collect(Collectors.toMap(Function.identity(), staffNames::of));
		return new Words(labels.labels(), labels.values(), people, clock.getZone().getId());
	}

}
