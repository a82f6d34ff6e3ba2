package cn.tianxiacheng.servicecenter.movein;

import cn.tianxiacheng.servicecenter.movein.MoveIns.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 取消入伙申请 ({@code Task_CancelMoveIn}): the move-in ends as CANCELLED. */
@Component
class CancelMoveInDelegate implements JavaDelegate {

	private final MoveIns moveIns;

	CancelMoveInDelegate(MoveIns moveIns) {
		this.moveIns = moveIns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		moveIns.changeStatus(moveIns.byCaseNumber(execution.getProcessBusinessKey()).id(), Status.CANCELLED);
	}

}
