package cn.tianxiacheng.servicecenter.assistance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives.Document;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequestProcess.Element;
import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.Request;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 交付并归档 ({@code Task_RecordHandOver}), after reception's commit: the request is handed over
 * and its copy (the certificate's number, or the request's) is filed in the unit's owner archive.
 */
@Component
class RecordHandOverDelegate implements JavaDelegate {

	private final AssistanceRequests requests;

	private final Certificates certificates;

	private final OwnerArchives archives;

	private final CompletedTasks completedTasks;

	private final Clock clock;

	RecordHandOverDelegate(AssistanceRequests requests, Certificates certificates, OwnerArchives archives,
			CompletedTasks completedTasks, Clock clock) {
		this.requests = requests;
		this.certificates = certificates;
		this.archives = archives;
		this.completedTasks = completedTasks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String receptionist = completedTasks.completedByItsGroup(execution, Element.HAND_OVER);
		Request request = requests.byNumber(execution.getProcessBusinessKey());
		String number = certificates.ofRequest(request.number())
			.map(Certificates.Certificate::serialNumber)
			.orElse(request.number());
		archives.file(request.unitId(), request.unitNumber(),
				List.of(new Document(request.kind().label() + "（副本）", number, LocalDate.now(clock),
						"档案室 " + request.unitNumber().split("-")[0] + " 号柜")),
				receptionist);
		requests.handedOver(request.number());
	}

}
