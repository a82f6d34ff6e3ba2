package cn.tianxiacheng.servicecenter.fee;

import java.util.Optional;

/**
 * A process that holds the deposits of its cases (a decoration holds its deposit through the
 * works, the deduction assessment and the hold period) and refunds them from its own settlement
 * step only ({@link CaseFees#refundDeposit}); the cashier's deposit refund refuses them.
 */
public interface DepositHolder {

	/** Where the case's deposit is refunded, in a sentence for the cashier, when this process holds it. */
	Optional<String> refundedOnlyBy(String caseNumber);

}
