package cn.tianxiacheng.servicecenter;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages keep to the dependencies their {@code package-info.java} declares (a feature
 * uses {@code estate}, {@code fee} and {@code system}; those never use a feature), with no
 * cycles; and the module documentation (C4 and UML component diagrams, module canvases) is
 * written to {@code target/spring-modulith-docs}.
 */
class ModuleStructureTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(ServiceCenterApplication.class);

	@Test
	void shouldKeepEveryPackageToItsDeclaredDependencies() {
		MODULES.verify();
	}

	@Test
	void shouldWriteTheModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeDocumentation();
	}

}
