package cn.tianxiacheng.servicecenter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A module test of the events it listens to: the test's module with the modules it uses
 * ({@code ALL_DEPENDENCIES}: a listener needs their beans, and the engine), on a database of its
 * own, with {@link MessageProbes} and Spring Modulith's {@code Scenario} as a test method's parameter.
 * The engine deploys none of the models (their timers name the schedules of modules not started
 * here) and registers under a name of its own: the engine of the whole application's tests, in the
 * same JVM, stays the one {@code /engine-rest} finds as {@code default}. The context closes after
 * its class, while the test database still runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
@TestPropertySource(properties = { "camunda.bpm.auto-deployment-enabled=false",
		"camunda.bpm.generate-unique-process-engine-name=true" })
@Import(MessageProbes.class)
@DirtiesContext
public @interface ModuleIntegrationTest {

}
