package cn.tianxiacheng.servicecenter.assistance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.Owner;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitStatus;
import cn.tianxiacheng.servicecenter.fee.BillingRuns;
import cn.tianxiacheng.servicecenter.fee.Ledger.BillLine;
import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import org.springframework.stereotype.Component;

/**
 * A certificate's text from its template, with the facts filled from the records: the owner and
 * the move-in date from the estate's records, occupancy from the unit, fees from the ledger.
 * What the records do not show is not certified: the draft is refused with the reason.
 */
@Component
class CertificateDrafts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

	private final Ledger ledger;

	private final Clock clock;

	CertificateDrafts(Ledger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The records do not show what the certificate would say. */
	static class NotInRecordsException extends BusinessRuleException {

		NotInRecordsException(String message) {
			super(message);
		}

	}

	/** The certificate's text; refuses (422) when the records do not show its facts. */
	String draft(AssistanceKind kind, Unit unit, String ownerName, AssistancePurpose purpose, String addressee) {
		Owner owner = unit.getOwners()
			.stream()
			.filter(o -> o.getName().equals(ownerName))
			.findFirst()
			.orElseThrow(() -> new NotInRecordsException("房屋 " + unit.getNumber() + " 的业主中已没有“" + ownerName + "”"));
		String facts = switch (kind) {
			case RESIDENCE -> residence(unit, owner);
			case FEES_PAID -> feesPaid(unit, owner);
			case HANDOVER -> handover(unit, owner);
			case DEVELOPER_DOCUMENTS -> throw new IllegalArgumentException("协助索取开发商资料不出具证明");
		};
		return facts + "\n特此证明。\n本证明用于办理" + purpose.label() + "，交" + addressee + "。";
	}

	private String residence(Unit unit, Owner owner) {
		if (owner.getMoveInDate() == null || unit.getStatus() != UnitStatus.OCCUPIED) {
			throw new NotInRecordsException("记录中没有 " + unit.getNumber() + " 业主" + owner.getName() + "入住的记录，不能出具实际居住证明");
		}
		return "兹证明：" + owner.getName() + " 系天下城 " + unit.getNumber() + " 房屋业主，自 "
				+ DAY.format(owner.getMoveInDate()) + " 入住，现实际居住于该房屋。";
	}

	private String feesPaid(Unit unit, Owner owner) {
		if (ledger.isInArrears(unit.getId())) {
			throw new NotInRecordsException("台账显示 " + unit.getNumber() + " 有到期未缴的费用，不能出具缴费证明");
		}
		Optional<YearMonth> paidThrough = ledger.bills(unit.getId())
			.stream()
			.filter(bill -> BillingRuns.MANAGEMENT_FEE.equals(bill.feeItemCode()) && !bill.reversed()
					&& bill.outstanding().signum() == 0 && bill.period().matches("\\d{4}-\\d{2}"))
			.map(BillLine::period)
			.map(YearMonth::parse)
			.max(Comparator.naturalOrder());
		if (paidThrough.isEmpty()) {
			throw new NotInRecordsException("台账中没有 " + unit.getNumber() + " 已缴清的物业管理费，不能出具缴费证明");
		}
		return "兹证明：天下城 " + unit.getNumber() + " 房屋（业主 " + owner.getName() + "）截至 "
				+ DAY.format(LocalDate.now(clock)) + " 无到期未缴的物业服务费用，物业管理费已缴至 "
				+ MONTH.format(paidThrough.get()) + "。";
	}

	private String handover(Unit unit, Owner owner) {
		if (owner.getMoveInDate() == null) {
			throw new NotInRecordsException("记录中没有 " + unit.getNumber() + " 交付业主" + owner.getName() + "的日期，不能出具交付证明");
		}
		return "兹证明：天下城 " + unit.getNumber() + " 房屋已于 " + DAY.format(owner.getMoveInDate()) + " 交付业主 "
				+ owner.getName() + "。";
	}

}
