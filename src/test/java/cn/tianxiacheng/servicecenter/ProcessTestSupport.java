package cn.tianxiacheng.servicecenter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.function.Consumer;

import cn.tianxiacheng.servicecenter.system.EstateRuleTables;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the process tests share: the engine of {@code camunda-test.cfg.xml} (each test class
 * registers its own, for its {@code @Deployment}), Camunda BPM Assert bound to it, and the beans
 * the process calls by name (delegates, listeners) as mocks registered for one test.
 */
public abstract class ProcessTestSupport {

	protected static ProcessEngineExtension engineExtension() {
		return ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();
	}

	@BeforeEach
	protected void initAssertions(ProcessEngine engine) {
		BpmnAwareTests.init(engine);
	}

	/** The processes ask for their estate's rule tables; here they have none and use the shared ones. */
	@BeforeEach
	protected void sharedRuleTables() {
		Mocks.register("ruleTables", mock(EstateRuleTables.class));
	}

	@AfterEach
	protected void resetMocks() {
		Mocks.reset();
	}

	/**
	 * A mock of the bean the process calls by this name, registered for the test (a test instance
	 * is made for each test, after the last one's mocks were reset).
	 */
	protected static <T> T registered(String name, Class<T> type) {
		T bean = mock(type);
		Mocks.register(name, bean);
		return bean;
	}

	/** The delegate, when the process calls it, does {@code answer} with the execution. */
	protected static void answer(JavaDelegate delegate, Consumer<DelegateExecution> answer) {
		try {
			doAnswer(invocation -> {
				answer.accept(invocation.getArgument(0));
				return null;
			}).when(delegate).execute(any());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
