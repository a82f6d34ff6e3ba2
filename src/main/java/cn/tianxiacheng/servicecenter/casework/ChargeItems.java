package cn.tianxiacheng.servicecenter.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * estate's repair items ({@link RepairChargeProperties}) with their prices for the unit to pick from
 * ({@code chargeItemOptions}), and each price in ten-thousandths of a yuan ({@code chargeItemPrices})
 * for the form to show each line's total and the sum as the engineer types (rounded half up to the
 * fen, as the bill will be); the lines of an earlier visit are cleared; when it is completed,
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

	static final String PRICES = "chargeItemPrices";

	static final String HAS_CHARGES = "hasCharges";

	static final int LINES = 3;

	private static final int MAX_QUANTITY = 99;

	private final CaseFees caseFees;

	private final ServiceCaseRepository cases;

	private final RepairChargeProperties properties;

	ChargeItems(CaseFees caseFees, ServiceCaseRepository cases, RepairChargeProperties properties) {
		this.caseFees = caseFees;
		this.cases = cases;
		this.properties = properties;
	}

	/** The repair items of the unit's estate at today's prices for the unit: what a repair may charge. */
	List<ChargeItem> offered(long unitId) {
		return caseFees.chargeable(unitId).stream().filter(item -> properties.items().contains(item.code())).toList();
	}

	@Override
	public void notify(DelegateTask task) {
		List<ChargeItem> offered = offered(unitOf(task));
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			List<Map<String, String>> options = offered.stream()
				.map(item -> Map.of("label", item.name() + " · " + priceText(item.price()) + " 元", "value", item.code()))
				.toList();
			task.setVariable(OPTIONS, Variables.objectValue(options).serializationDataFormat("application/json").create());
			Map<String, Long> prices = offered.stream()
				.collect(Collectors.toMap(ChargeItem::code, item -> item.price().movePointRight(4).longValueExact()));
			task.setVariable(PRICES, Variables.objectValue(prices).serializationDataFormat("application/json").create());
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
			fees.add(checked(code.toString(), variables.getVariable(quantity(line)), offered));
		}
		return fees;
	}

	/** One charge line checked against the offer: refused (400) when unknown or of an odd quantity. */
	static CaseFee checked(String code, Object quantityGiven, List<ChargeItem> offered) {
		if (offered.stream().noneMatch(item -> item.code().equals(code))) {
			throw new BadInputException("收费项目“" + code + "”不在本小区的收费项目中（报修只收维修项目），请从列表中选择");
		}
		int quantity = quantityGiven instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
				? number.intValue() : 0;
		if (quantity < 1 || quantity > MAX_QUANTITY) {
			throw new BadInputException("收费项目的数量应为 1 到 " + MAX_QUANTITY + " 的整数");
		}
		return new CaseFee(code, quantity);
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
