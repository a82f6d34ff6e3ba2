package cn.tianxiacheng.servicecenter.movein;

import cn.tianxiacheng.servicecenter.movein.MoveIns.Status;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 驳回入伙申请 ({@code Task_RejectMoveIn}): the move-in ends as REJECTED. */
@Component
class RejectMoveInDelegate implements JavaDelegate {

	private final MoveIns moveIns;

	RejectMoveInDelegate(MoveIns moveIns) {
		this.moveIns = moveIns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		moveIns.changeStatus(moveIns.byCaseNumber(execution.getProcessBusinessKey()).id(), Status.REJECTED);
	}

}
