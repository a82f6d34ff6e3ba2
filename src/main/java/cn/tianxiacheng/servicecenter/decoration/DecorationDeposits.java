package cn.tianxiacheng.servicecenter.decoration;

import java.util.Optional;

import cn.tianxiacheng.servicecenter.fee.DepositHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A decoration's deposit goes back only through its settlement, after acceptance, deductions and the hold. */
@Component
class DecorationDeposits implements DepositHolder {

	private final JdbcTemplate jdbc;

	DecorationDeposits(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> refundedOnlyBy(String caseNumber) {
		boolean decoration = jdbc.queryForObject("select count(*) from decoration where decoration_number = ?",
				Integer.class, caseNumber) > 0;
		return decoration ? Optional.of("装修 " + caseNumber + " 的押金只能在竣工验收、核定扣款和保留期满后，由流程中的“退还装修押金”步骤退还")
				: Optional.empty();
	}

}
