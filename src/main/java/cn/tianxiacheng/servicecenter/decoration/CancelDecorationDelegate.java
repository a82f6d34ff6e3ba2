package cn.tianxiacheng.servicecenter.decoration;

import cn.tianxiacheng.servicecenter.decoration.Decorations.Decoration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 取消装修申报 ({@code Task_CancelDecoration}): the papers never came; the application ends. */
@Component
class CancelDecorationDelegate implements JavaDelegate {

	private final Decorations decorations;

	private final DecorationJournal journal;

	CancelDecorationDelegate(Decorations decorations, DecorationJournal journal) {
		this.decorations = decorations;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Decoration decoration = decorations.byNumber(execution.getProcessBusinessKey());
		if (decoration.status() == DecorationStatus.APPLIED) {
			decorations.changeStatus(decoration.id(), DecorationStatus.CANCELLED);
			journal.note(execution, decoration.id(), "取消装修申报", "逾期未补交资料");
		}
	}

}
