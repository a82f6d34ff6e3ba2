package cn.tianxiacheng.servicecenter.release;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.Money;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Pass;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 查询欠费与租约 ({@code Task_CheckAccount}): the unit's arrears for the review (a prompt to
 * settle with the cashier, never a block on its own), and a tenant's lease: a move-out before its
 * end is pointed out.
 */
@Component
class CheckReleaseAccountDelegate implements JavaDelegate {

	private final ReleasePasses passes;

	private final Ledger ledger;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	CheckReleaseAccountDelegate(ReleasePasses passes, Ledger ledger, JdbcTemplate jdbc, Clock clock) {
		this.passes = passes;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Pass pass = passes.byNumber(execution.getProcessBusinessKey());
		execution.setVariable(Var.ARREARS, ledger.balance(pass.unitId()).max(Money.ZERO).toPlainString());
		execution.setVariable(Var.IN_ARREARS, ledger.isInArrears(pass.unitId()));
		execution.setVariable(Var.LEASE_NOTE, pass.applicantKind() == ApplicantKind.TENANT ? leaseNote(pass) : "—");
	}

	private String leaseNote(Pass pass) {
		List<LocalDate[]> leases = jdbc.query(
				"select lease_start, lease_end from tenant where unit_id = ? and name = ? order by lease_end desc",
				(rs, i) -> new LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() }, pass.unitId(),
				pass.applicantName());
		if (leases.isEmpty()) {
			return "未找到该租户的租约，请核实";
		}
		LocalDate end = leases.get(0)[1];
		String note = "租约 " + leases.get(0)[0] + " 至 " + end;
		if (pass.moveOut() && end.isAfter(LocalDate.now(clock))) {
			return note + "：租约未到期即搬离，请与业主核实";
		}
		return note;
	}

}
