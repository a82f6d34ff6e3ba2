package cn.tianxiacheng.servicecenter.assistance;

import cn.tianxiacheng.servicecenter.assistance.AssistanceRequests.Request;
import cn.tianxiacheng.servicecenter.assistance.CertificateDrafts.NotInRecordsException;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.journal.Journal;
import cn.tianxiacheng.servicecenter.journal.StepJournal;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 按记录起草证明 ({@code Task_DraftCertificate}): the request's certificate from its template with
 * the facts read from the records now; when they no longer show them, nothing is certified
 * ({@code Error_NotInRecords}) and the story says why.
 */
@Component
class DraftCertificateDelegate implements JavaDelegate {

	private final AssistanceRequests requests;

	private final UnitRepository units;

	private final CertificateDrafts drafts;

	private final Certificates certificates;

	private final StepJournal journal;

	DraftCertificateDelegate(AssistanceRequests requests, UnitRepository units, CertificateDrafts drafts,
			Certificates certificates, StepJournal journal) {
		this.requests = requests;
		this.units = units;
		this.drafts = drafts;
		this.certificates = certificates;
		this.journal = journal;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Request request = requests.byNumber(execution.getProcessBusinessKey());
		Unit unit = units.findById(request.unitId()).orElseThrow();
		try {
			String body = drafts.draft(request.kind(), unit, request.requesterName(), request.purpose(), request.addressee());
			certificates.draft(request.number(), request.kind(), unit.getNumber(), body);
			journal.record(request.number(), "按记录起草证明", Staff.SYSTEM.id(), null);
		}
		catch (NotInRecordsException ex) {
			requests.changeStatus(request.number(), AssistanceStatus.NOT_IN_RECORDS);
			journal.record(request.number(), "记录不支持，不予出具", Staff.SYSTEM.id(), ex.getMessage());
			throw new BpmnError(AssistanceRequestProcess.NOT_IN_RECORDS, ex.getMessage());
		}
		execution.setVariable(Journal.RECENT_STEPS, journal.recentSteps(request.number()));
	}

}
