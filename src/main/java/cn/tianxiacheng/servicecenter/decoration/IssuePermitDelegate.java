package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 核发装修许可证和出入证 ({@code Task_IssuePermit}): only for an approved decoration whose
 * agreement is signed, whose owner consented (a tenant's or agent's) and whose fees are paid,
 * as the records and the ledger say; the permit and a pass per worker are numbered.
 */
@Component
class IssuePermitDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final CaseFees caseFees;

	private final DecorationJournal journal;

	IssuePermitDelegate(Decorations decorations, CaseFees caseFees, DecorationJournal journal) {
		this.decorations = decorations;
		this.caseFees = caseFees;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		String refusal = decoration.status() != DecorationStatus.APPROVED ? "未获批准"
				: decoration.needsOwnerConsent() && !"GIVEN".equals(decoration.ownerConsent()) ? "未取得业主同意"
						: !decoration.agreementSigned() ? "未签订装修管理服务协议"
								: !caseFees.isPaid(decoration.number(), decoration.unitId()) ? "押金和费用未缴清"
										: !caseFees.depositHeld(decoration.number(), decoration.unitId()) ? "未收押金或押金已退还"
												: null;
		if (refusal != null) {
			throw new IllegalStateException("装修 " + decoration.number() + " " + refusal + "，不能核发许可证");
		}
		String permitNumber = decorations.issuePermit(decoration);
		journal.note(execution, decoration.id(), "核发装修许可证 " + permitNumber,
				"有效期 " + decoration.plannedStart() + " 至 " + decoration.plannedEnd());
		execution.setVariable(Var.PERMIT_NUMBER, permitNumber);
		execution.setVariable(Var.PERMIT_END, decoration.plannedEnd().toString());
	}

}
