package cn.tianxiacheng.servicecenter;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stand-ins for the processes a listener moves on, in the module tests: a process that only
 * waits for one message, by the business key the listener must correlate it to. Its instance ends
 * when the message arrives.
 */
public class MessageProbes {

	private static final AtomicInteger NUMBERS = new AtomicInteger();

	private final RepositoryService repositoryService;

	private final RuntimeService runtimeService;

	private final JdbcTemplate jdbc;

	MessageProbes(RepositoryService repositoryService, RuntimeService runtimeService, JdbcTemplate jdbc) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.jdbc = jdbc;
	}

	/** An instance waiting for the message by the business key. */
	public class Probe {

		private final String instanceId;

		Probe(String instanceId) {
			this.instanceId = instanceId;
		}

		public boolean received() {
			return runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0;
		}

	}

	public Probe waitingFor(String message, String businessKey) {
		return waitingFor(message, businessKey, Map.of());
	}

	/** An instance waiting for the message by the business key, with the variables a correlation also names. */
	public Probe waitingFor(String message, String businessKey, Map<String, Object> variables) {
		String key = "Probe_" + message;
		if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
			repositoryService.createDeployment()
				.name(key)
				.addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
					.camundaHistoryTimeToLive(1)
					.startEvent()
					.intermediateCatchEvent()
					.message(message)
					.endEvent()
					.done())
				.deploy();
		}
		return new Probe(runtimeService.startProcessInstanceByKey(key, businessKey, variables).getProcessInstanceId());
	}

	/** A number of the estate's records (unit, lease, case) that no other test uses: {@code M-123456789}. */
	public static String freshNumber() {
		return "M-" + (System.currentTimeMillis() % 1_000_000 * 1000 + NUMBERS.incrementAndGet() % 1000);
	}

	/** An occupied unit of its own, without bills, in the estate's first building: its id. */
	public long freshUnit(String number) {
		jdbc.update("""
				insert into unit (building_id, entrance, floor, number, area_m2, type, status)
				select min(id), 8, 8, ?, 88.50, 'RESIDENTIAL', 'OCCUPIED' from building""", number);
		return jdbc.queryForObject("select id from unit where number = ?", Long.class, number);
	}

}
