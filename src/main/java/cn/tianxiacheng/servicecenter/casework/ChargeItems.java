package cn.tianxiacheng.servicecenter.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.fee.CaseFees.ChargeItem;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The chargeable items of a repair (有偿维修): when the work task opens, the form is given the
 * estate's one-off fee items with their prices for the unit to pick from
 * ({@code chargeItemOptions}) and the lines of an earlier visit are cleared; when it is completed,
 * each line picked ({@code chargeCode1..3} with {@code chargeQuantity1..3}) must be one of them, and
 * {@code hasCharges} tells the process whether to bill.
 *
 * <p>The form has three fixed lines rather than a dynamic list: Camunda 7.24's Tasklist keeps its
 * Complete button disabled once a field inside a form-js dynamic list has been edited (an empty
 * error entry per list field counts as an error).
 */
@Component("chargeItemsListener")
class ChargeItems implements TaskListener {

	static final String OPTIONS = "chargeItemOptions";

	static final String HAS_CHARGES = "hasCharges";

	static final int LINES = 3;

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
				.map(item -> Map.of("label", item.name() + " · " + priceText(item.price()) + " 元", "value", item.code()))
				.toList();
			task.setVariable(OPTIONS, Variables.objectValue(options).serializationDataFormat("application/json").create());
			for (int line = 1; line <= LINES; line++) {
				task.getExecution().removeVariable(code(line));
				task.getExecution().removeVariable(quantity(line));
			}
		}
		else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			task.setVariable(HAS_CHARGES, !picked(task, offered).isEmpty());
		}
	}

	/** The lines picked, each checked against the offer: refused (400) when unknown or of an odd quantity. */
	static List<CaseFee> picked(VariableScope variables, List<ChargeItem> offered) {
		List<CaseFee> fees = new ArrayList<>();
		for (int line = 1; line <= LINES; line++) {
			Object code = variables.getVariable(code(line));
			if (code == null || code.toString().isBlank()) {
				continue;
			}
			if (offered.stream().noneMatch(item -> item.code().equals(code))) {
				throw new BadInputException("收费项目“" + code + "”不在本小区的收费项目中，请从列表中选择");
			}
			int quantity = variables.getVariable(quantity(line)) instanceof Number number
					&& number.doubleValue() == Math.rint(number.doubleValue()) ? number.intValue() : 0;
			if (quantity < 1 || quantity > MAX_QUANTITY) {
				throw new BadInputException("收费项目的数量应为 1 到 " + MAX_QUANTITY + " 的整数");
			}
			fees.add(new CaseFee((String) code, quantity));
		}
		return fees;
	}

	/** A price as staff write it: 35.00, or 2.35 per m², never 35.0000. */
	private static String priceText(BigDecimal price) {
		return price.setScale(Math.max(2, price.stripTrailingZeros().scale())).toPlainString();
	}

	static String code(int line) {
		return "chargeCode" + line;
	}

	static String quantity(int line) {
		return "chargeQuantity" + line;
	}

	private long unitOf(DelegateTask task) {
		return cases.findByCaseNumber(task.getExecution().getProcessBusinessKey()).orElseThrow().getUnitId();
	}

}
