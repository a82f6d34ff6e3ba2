package cn.tianxiacheng.servicecenter.release;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.estate.Tenant;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.Money;
import cn.tianxiacheng.servicecenter.release.GoodsReleaseProcess.Var;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Pass;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

	private final UnitRepository units;

	private final Clock clock;

	CheckReleaseAccountDelegate(ReleasePasses passes, Ledger ledger, UnitRepository units, Clock clock) {
		this.passes = passes;
		this.ledger = ledger;
		this.units = units;
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
		Optional<Tenant> latest = units.findById(pass.unitId())
			.stream()
			.flatMap(unit -> unit.getTenants().stream())
			.filter(tenant -> tenant.getName().equals(pass.applicantName()))
			.max(Comparator.comparing(Tenant::getLeaseEnd));
		if (latest.isEmpty()) {
			return "未找到该租户的租约，请核实";
		}
		LocalDate end = latest.get().getLeaseEnd();
		String note = "租约 " + latest.get().getLeaseStart() + " 至 " + end;
		if (pass.moveOut() && end.isAfter(LocalDate.now(clock))) {
			return note + "：租约未到期即搬离，请与业主核实";
		}
		return note;
	}

}
