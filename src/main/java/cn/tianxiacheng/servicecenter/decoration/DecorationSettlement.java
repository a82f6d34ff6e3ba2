package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.fee.PaymentMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 押金退还: the deposit goes back less the itemised deductions (violations the manager decided,
 * damage to common parts, waste left behind), through the fee engine's deposit refund: refund =
 * deposit − deductions, to the fen. Deductions beyond the deposit are taken up to it; the rest
 * is noted for the manager to claim.
 */
@Service
class DecorationSettlement {

	enum Kind {

		VIOLATION("违章未整改"), DAMAGE("公共部位损坏"), WASTE("清运遗留装修垃圾");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}

	}

	record Deduction(Kind kind, String description, BigDecimal amount) {
	}

	record Settled(BigDecimal deposit, BigDecimal deducted, BigDecimal refunded, BigDecimal beyondDeposit) {
	}

	private static final int MAX_REASON = 150;

	private final JdbcTemplate jdbc;

	private final CaseFees caseFees;

	DecorationSettlement(JdbcTemplate jdbc, CaseFees caseFees) {
		this.jdbc = jdbc;
		this.caseFees = caseFees;
	}

	Settled settle(Decoration decoration, List<Deduction> deductions, int passesReturned, PaymentMethod method,
			String refundedBy) {
		for (Deduction deduction : deductions) {
			jdbc.update("insert into decoration_deduction (decoration_id, kind, description, amount) values (?, ?, ?, ?)",
					decoration.id(), deduction.kind().name(), cut(deduction.description(), 200), deduction.amount());
		}
		BigDecimal total = deductions.stream().map(Deduction::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal deposit = caseFees.depositOf(decoration.number(), decoration.unitId());
		BigDecimal deducted = total.min(deposit);
		String reason = decoration.number() + " 装修押金退还" + (deductions.isEmpty() ? ""
				: "，扣：" + deductions.stream()
					.map(d -> d.kind().label() + " " + d.amount().toPlainString())
					.collect(Collectors.joining("；")));
		BigDecimal refunded = caseFees.refundDeposit(decoration.number(), decoration.unitId(), deducted,
				cut(reason, MAX_REASON), method, refundedBy);
		jdbc.update("update decoration set deposit_refunded = ?, passes_returned = ? where id = ?", refunded,
				passesReturned, decoration.id());
		return new Settled(deposit, deducted, refunded, total.subtract(deducted));
	}

	List<Deduction> deductions(long decorationId) {
		return jdbc.query("select kind, description, amount from decoration_deduction where decoration_id = ? order by id",
				(rs, i) -> new Deduction(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3)),
				decorationId);
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
