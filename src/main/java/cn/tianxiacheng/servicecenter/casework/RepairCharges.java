package cn.tianxiacheng.servicecenter.casework;

import java.util.Optional;

import cn.tianxiacheng.servicecenter.fee.CaseCharges;
import cn.tianxiacheng.servicecenter.fee.CaseCharges.Charges;
import cn.tianxiacheng.servicecenter.fee.CaseCharges.Correction;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.stereotype.Component;

/**
 * The charges of a repair (有偿维修) as its case page, the reception's confirmation and the
 * reprinted 派工单 show them, and their correction from the case page: the cashier or the manager
 * reverses a wrong charge, with a reason, and charges the right repair item instead (or nothing).
 */
@Component
class RepairCharges {

	/** What the correction form sends; {@code itemCode} blank: the charge is reversed, nothing charged instead. */
	record CorrectionRequest(String requestId, String reason, String itemCode, String quantity) {
	}

	private static final int MAX_REQUEST_ID = 64;

	/** The ledger's reason holds 200 characters, the prefix 更正： among them. */
	private static final int MAX_REASON = 190;

	private final CaseCharges caseCharges;

	private final ChargeItems chargeItems;

	private final ServiceCaseRepository cases;

	RepairCharges(CaseCharges caseCharges, ChargeItems chargeItems, ServiceCaseRepository cases) {
		this.caseCharges = caseCharges;
		this.chargeItems = chargeItems;
		this.cases = cases;
	}

	/** The quantity as typed, a whole number or nothing (which the check refuses). */
	private static Integer quantity(String typed) {
		return typed != null && typed.strip().matches("\\d{1,3}") ? Integer.valueOf(typed.strip()) : null;
	}

	Charges of(String caseNumber, long unitId) {
		return caseCharges.of(caseNumber, unitId);
	}

	Correction correct(String caseNumber, long billId, CorrectionRequest request, Staff staff) {
		staff.require("只有收费员或经理可以更正收费", StaffGroup.CASHIER, StaffGroup.MANAGER);
		ServiceCase repair = cases.findInEstate(caseNumber, staff.estateId())
			.filter(c -> c.getType() == CaseType.SERVICE_REQUEST)
			.orElseThrow(() -> new NotFoundException("没有这个报修案件：" + caseNumber));
		if (request.requestId() == null || request.requestId().isBlank() || request.requestId().length() > MAX_REQUEST_ID) {
			throw new BadInputException("请求编号（requestId）缺失或过长，请刷新页面后重新提交");
		}
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.isEmpty()) {
			throw new BadInputException("请填写“更正原因”");
		}
		if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
			throw new BadInputException("“更正原因”应为 1 至 " + MAX_REASON + " 个字，且不含控制字符");
		}
		Optional<CaseFee> instead = request.itemCode() == null || request.itemCode().isBlank() ? Optional.empty()
				: Optional.of(ChargeItems.checked(request.itemCode().strip(), quantity(request.quantity()),
						chargeItems.offered(repair.getUnitId())));
		return caseCharges.correct(request.requestId(), caseNumber, repair.getUnitId(), billId, instead, reason,
				staff.id());
	}

}
