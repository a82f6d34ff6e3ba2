package cn.tianxiacheng.servicecenter.decoration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 开具装修押金和费用 ({@code Task_IssueFees}), after the agreement's commit: the agreement that
 * reception signed (permitted hours, waste removal) is recorded, and the deposit, the management
 * fee, a pass per worker (and the waste removal the owner chose) are billed to the decoration's
 * unit through the fee engine.
 */
@Component
class IssueDecorationFeesDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final CaseFees caseFees;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	private final DecorationProperties properties;

	IssueDecorationFeesDelegate(Decorations decorations, CaseFees caseFees, CompletedTasks completedTasks,
			DecorationJournal journal, DecorationProperties properties) {
		this.decorations = decorations;
		this.caseFees = caseFees;
		this.completedTasks = completedTasks;
		this.journal = journal;
		this.properties = properties;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		if (decoration.status() != DecorationStatus.APPROVED) {
			throw new IllegalStateException("装修 " + decoration.number() + " 未获批准，不能收费");
		}
		String receptionist = completedTasks.completedByItsGroup(execution, Element.SIGN_AGREEMENT);
		String wasteRemoval = String.valueOf(execution.getVariable(Var.WASTE_REMOVAL));
		decorations.recordAgreement(decoration.id(), String.valueOf(execution.getVariable(Var.PERMITTED_HOURS)),
				wasteRemoval, receptionist);
		List<CaseFee> fees = new ArrayList<>(CaseFee.parse(properties.fees()));
		fees.add(new CaseFee(properties.workerPassFee(), decorations.workerCount(decoration.id())));
		if ("PROPERTY".equals(wasteRemoval)) {
			fees.add(new CaseFee(properties.wasteRemovalFee(), 1));
		}
		BigDecimal total = caseFees.issue(decoration.number(), decoration.unitId(), fees, decoration.number());
		journal.note(execution, decoration.id(), "开具装修押金和费用", "合计 " + total.toPlainString() + " 元");
		execution.setVariable(Var.FEES, total.toPlainString());
	}

}
