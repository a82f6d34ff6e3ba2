package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Element;
import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.DecorationExtensions.Extension;
import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 登记延期结果 ({@code Task_RecordExtension}): engineering's decision on the pending extension,
 * when engineering made it; approved, the permit's end moves to the date asked for.
 */
@Component
class RecordExtensionDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationExtensions extensions;

	private final CompletedTasks completedTasks;

	private final DecorationJournal journal;

	RecordExtensionDelegate(Decorations decorations, DecorationExtensions extensions, CompletedTasks completedTasks,
			DecorationJournal journal) {
		this.decorations = decorations;
		this.extensions = extensions;
		this.completedTasks = completedTasks;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		Extension extension = extensions.pendingExtension(decoration.id())
			.orElseThrow(() -> new IllegalStateException("装修 " + decoration.number() + " 没有待审核的延期申请"));
		String engineer = completedTasks.completedByItsGroup(execution, Element.REVIEW_EXTENSION);
		boolean approved = "APPROVE".equals(execution.getVariable(Var.EXTENSION_DECISION));
		extensions.decideExtension(extension, approved, engineer);
		if (approved) {
			decorations.extendPermit(decoration.id(), extension.requestedEnd());
			execution.setVariable(Var.PERMIT_END, extension.requestedEnd().toString());
		}
		journal.note(execution, decoration.id(), approved ? "准予延期" : "不准延期",
				approved ? "许可证延至 " + extension.requestedEnd() : "许可证仍至 " + decoration.permitEnd());
	}

}
