package cn.tianxiacheng.servicecenter.casework;

import static org.camunda.spin.Spin.JSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.fee.CaseFees.ChargeItem;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The chargeable items of a repair (有偿维修): when the work task opens, the form is given the
 * estate's one-off fee items with their prices for the unit to pick from
 * ({@code chargeItemOptions}); when it is completed, each item picked ({@code chargeItems}: code
 * and quantity) must be one of them, and {@code hasCharges} tells the process whether to bill.
 */
@Component("chargeItemsListener")
class ChargeItems implements TaskListener {

	static final String OPTIONS = "chargeItemOptions";

	static final String PICKED = "chargeItems";

	static final String HAS_CHARGES = "hasCharges";

	private static final int MAX_QUANTITY = 99;

	private final CaseFees caseFees;

	private final ServiceCaseRepository cases;

	ChargeItems(CaseFees caseFees, ServiceCaseRepository cases) {
		this.caseFees = caseFees;
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		List<ChargeItem> offered = caseFees.chargeable(unitOf(task));
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<Map<String, String>> options = offered.stream()
				.map(item -> Map.of("label", item.name() + " · " + item.price().toPlainString() + " 元", "value", item.code()))
				.toList();
			task.setVariable(OPTIONS, Variables.objectValue(options).serializationDataFormat("application/json").create());
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			List<CaseFee> picked = picked(task.getVariable(PICKED), offered);
			task.setVariable(HAS_CHARGES, !picked.isEmpty());
		}
	}

	/** The items picked, each checked against the offer: refused (400) when unknown or of an odd quantity. */
	static List<CaseFee> picked(Object chargeItems, List<ChargeItem> offered) {
		List<CaseFee> fees = new ArrayList<>();
		if (chargeItems == null) {
			return fees;
		}
		SpinJsonNode list = chargeItems instanceof SpinJsonNode node ? node : JSON(chargeItems.toString());
		for (SpinJsonNode item : list.elements()) {
			String code = item.hasProp("code") && item.prop("code").isString() ? item.prop("code").stringValue() : null;
			if (offered.stream().noneMatch(o -> o.code().equals(code))) {
				throw new BadInputException("收费项目“" + code + "”不在本小区的收费项目中，请从列表中选择");
			}
			int quantity = item.hasProp("quantity") && item.prop("quantity").isNumber()
					? item.prop("quantity").numberValue().intValue() : 0;
			if (quantity < 1 || quantity > MAX_QUANTITY) {
				throw new BadInputException("收费项目的数量应为 1 到 " + MAX_QUANTITY);
			}
			fees.add(new CaseFee(code, quantity));
		}
		return fees;
	}

	private long unitOf(DelegateTask task) {
		return cases.findByCaseNumber(task.getExecution().getProcessBusinessKey()).orElseThrow().getUnitId();
	}

}
