package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A type is public only when something outside its package needs it: every public top-level type
 * of a module's main code is used by another package's classes (main or test: a dependency in the
 * bytecode, or its full name in the sources, which also finds constants, copied by the compiler
 * into the user) or named by a resource, or its bean is called from a process's expression (the
 * engine calls only public classes' methods), or it is listed here with the reason.
 */
class PublicTypesTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(ServiceCenterApplication.class);

	private static final Path BASE = Path.of("src/main/java/cn/tianxiacheng/servicecenter");

	private static final Path TEST_BASE = Path.of("src/test/java/cn/tianxiacheng/servicecenter");

	private static final Pattern BEAN_IN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)\\.");

	/** Public although nothing names them: Camunda's webapp filter creates it from its class name. */
	private static final Set<String> FRAMEWORK_NEEDS_PUBLIC = Set.of(
			"cn.tianxiacheng.servicecenter.system.WebappAuthenticationProvider");

	@Test
	void shouldMakePublicOnlyWhatAnotherPackageNeeds() {
		Set<String> beansInExpressions = beansInExpressions();
		JavaClasses everything = new ClassFileImporter().importPackages(ServiceCenterApplication.class.getPackageName());
		Set<String> needless = new TreeSet<>();
		for (ApplicationModule module : MODULES) {
			String name = module.getBasePackage().getLocalName();
			String modulePackage = module.getBasePackage().getName();
			String outside = textOutside(name);
			module.getBasePackage()
				.stream()
				.filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass()
						&& !type.getSimpleName().equals("package-info"))
				.filter(type -> !usedOutside(type, modulePackage, everything)
						&& !Pattern.compile(Pattern.quote(type.getName()) + "\\b").matcher(outside).find()
						&& !beansInExpressions.contains(beanName(type))
						&& !FRAMEWORK_NEEDS_PUBLIC.contains(type.getName()))
				.map(JavaClass::getName)
				.forEach(needless::add);
		}
		assertThat(needless).as("public types nothing outside their package needs: make them package-private")
			.isEmpty();
	}

	/** Whether a class of another package depends on the type or one of its nested types. */
	private static boolean usedOutside(JavaClass type, String modulePackage, JavaClasses everything) {
		return everything.stream()
			.filter(nested -> nested.getName().equals(type.getName()) || nested.getName().startsWith(type.getName() + "$"))
			.flatMap(nested -> nested.getDirectDependenciesToSelf().stream())
			.map(dependency -> dependency.getOriginClass().getPackageName())
			.anyMatch(origin -> !origin.equals(modulePackage));
	}

	/** The text of every source and resource outside the module's main and test packages. */
	private static String textOutside(String module) {
		StringBuilder text = new StringBuilder();
		for (Path root : new Path[] { Path.of("src/main"), Path.of("src/test"), Path.of("processes"), Path.of("forms") }) {
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(Files::isRegularFile)
					.filter(file -> !file.startsWith(BASE.resolve(module)) && !file.startsWith(TEST_BASE.resolve(module)))
					.filter(file -> file.toString().matches(".*\\.(java|html|xml|bpmn|dmn|form|factories|imports|properties|yml)"))
					.forEach(file -> text.append(read(file)).append('\n'));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return text.toString();
	}

	private static Set<String> beansInExpressions() {
		Set<String> beans = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("processes"))) {
			files.filter(Files::isRegularFile).forEach(file -> {
				Matcher bean = BEAN_IN_EXPRESSION.matcher(read(file));
				while (bean.find()) {
					beans.add(bean.group(1));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return beans;
	}

	private static String beanName(JavaClass type) {
		Component component = AnnotatedElementUtils.findMergedAnnotation(type.reflect(), Component.class);
		return component != null && !component.value().isEmpty() ? component.value()
				: StringUtils.uncapitalize(type.getSimpleName());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
