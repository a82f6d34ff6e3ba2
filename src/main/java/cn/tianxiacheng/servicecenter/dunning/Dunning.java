package cn.tianxiacheng.servicecenter.dunning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.dunning.FeeDunningProcess.Var;
import cn.tianxiacheng.servicecenter.fee.FeeProperties;
import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.PaymentTaken;
import cn.tianxiacheng.servicecenter.fee.Ledger.Arrears;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * 催缴: opens a dunning case for each unit in arrears, and ends it when a payment clears them.
 */
@Service
public class Dunning {

	private static final Logger log = LoggerFactory.getLogger(Dunning.class);

	private final Ledger ledger;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final FeeProperties properties;

	private final Clock clock;

	private final EstateDirectory estates;

	Dunning(Ledger ledger, RuntimeService runtimeService, EngineAsSystem asSystem, FeeProperties properties,
			Clock clock, EstateDirectory estates) {
		this.estates = estates;
		this.ledger = ledger;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Opens a case for every unit overdue by the configured days that has none open, estate by estate,
	 * each case in its estate's tenant: the scan's own instance (its timer's) belongs to no estate.
	 */
	public int openForUnitsInArrears() {
		int opened = 0;
		for (EstateRef estate : estates.all()) {
			opened += asSystem.callIn(estate, () -> openIn(estate));
		}
		return opened;
	}

	/** The estate's units overdue by the configured days on its own date. */
	private int openIn(EstateRef estate) {
		LocalDate cutoff = LocalDate.now(clock).minusDays(properties.dunningAfterDays());
		Set<String> open = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FeeDunningProcess.KEY)
			.list()
			.stream()
			.filter(instance -> instance.getTenantId() == null || instance.getTenantId().equals(estate.code()))
			.map(ProcessInstance::getBusinessKey)
			.collect(Collectors.toSet());
		List<Arrears> arrears = ledger.arrears(estate.id(), cutoff);
		int opened = 0;
		for (Arrears unit : arrears) {
			String businessKey = FeeDunningProcess.businessKey(estate.code(), unit.unitNumber());
			if (open.contains(businessKey) || open.contains(FeeDunningProcess.keyWithoutEstate(unit.unitNumber()))) {
				continue;
			}
			runtimeService.startProcessInstanceByKey(FeeDunningProcess.KEY, businessKey,
					Map.of(Var.UNIT_ID, unit.unitId(), Var.UNIT_NUMBER, unit.unitNumber(), Var.OVERDUE_AMOUNT,
							unit.amount().toPlainString(), Var.OLDEST_DUE_DATE, unit.oldestDueDate().toString()));
			opened++;
		}
		log.info("Arrears scan of estate {}: {} units overdue by more than {} days, {} dunning cases opened",
				estate.code(), arrears.size(), properties.dunningAfterDays(), opened);
		return opened;
	}

	/**
	 * After a payment is committed (in a transaction of its own, recorded and retried until
	 * done): when the unit owes nothing overdue any more, its dunning case ends. The correlation
	 * is the system's act, not the cashier's.
	 */
	@ApplicationModuleListener
	void onPaymentTaken(PaymentTaken payment) {
		if (ledger.isInArrears(payment.unitId())) {
			return;
		}
		// by the unit's id, which no other estate's unit has, whatever the case's key (one opened before
		// the key carried the estate's code names the unit's number alone)
		asSystem.run(() -> runtimeService.createMessageCorrelation(FeeDunningProcess.ARREARS_CLEARED)
			.processInstanceVariableEquals(Var.UNIT_ID, payment.unitId())
			.correlateAll());
	}

}
