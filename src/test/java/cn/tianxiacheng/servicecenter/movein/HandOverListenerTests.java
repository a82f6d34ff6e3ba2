package cn.tianxiacheng.servicecenter.movein;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/**
 * The move-in hand-over is refused when it is completed with a negative meter reading or a
 * negative or fractional count of keys and access cards, instead of leaving the move-in stuck
 * later on the database's constraint.
 */
class HandOverListenerTests {

	private final HandOverListener listener = new HandOverListener();

	@Test
	void shouldRefuseNegativeReadingsAndCounts() {
		assertThatThrownBy(() -> listener.notify(task("waterReading", -12.5))).isInstanceOf(BadInputException.class)
			.hasMessageContaining("水表读数");
		assertThatThrownBy(() -> listener.notify(task("accessCardsHandedOver", -3L))).isInstanceOf(BadInputException.class)
			.hasMessageContaining("移交门禁卡");
		assertThatThrownBy(() -> listener.notify(task("keysHandedOver", 0L))).hasMessageContaining("移交钥匙");
		assertThatThrownBy(() -> listener.notify(task("keysHandedOver", 1.5))).hasMessageContaining("移交钥匙");
		assertThatCode(() -> listener.notify(task("gasReading", 0.0))).doesNotThrowAnyException();
	}

	private static DelegateTask task(String name, Object value) {
		Map<String, Object> variables = new HashMap<>(Map.of("waterReading", 12.5, "electricityReading", 30.0,
				"gasReading", 1.2, "keysHandedOver", 3L, "accessCardsHandedOver", 2L));
		variables.put(name, value);
		DelegateTask task = mock(DelegateTask.class);
		when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.getArgument(0, String.class)));
		return task;
	}

}
