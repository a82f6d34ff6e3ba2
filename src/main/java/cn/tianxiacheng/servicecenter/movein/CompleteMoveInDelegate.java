package cn.tianxiacheng.servicecenter.movein;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives.Document;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.casework.CaseIntake.Registration;
import cn.tianxiacheng.servicecenter.casework.CaseIntake;
import cn.tianxiacheng.servicecenter.casework.CaseType;
import cn.tianxiacheng.servicecenter.casework.Channel;
import cn.tianxiacheng.servicecenter.casework.Urgency;
import cn.tianxiacheng.servicecenter.estate.Households.NewMember;
import cn.tianxiacheng.servicecenter.estate.Households.NewOwner;
import cn.tianxiacheng.servicecenter.estate.Households.NewVehicle;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.fee.MeterReadings;
import cn.tianxiacheng.servicecenter.movein.MoveIns.MoveIn;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Person;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Status;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 建立业主档案、登记入住 ({@code Task_CompleteMoveIn}), after the handover's commit: the
 * owners, household and vehicles become the unit's (through the estate), the meter readings are
 * its first, every defect becomes a repair case for engineering, and the owner archive is
 * created. The papers and the handover count only when reception did them.
 */
@Component
class CompleteMoveInDelegate implements JavaDelegate {

	private static final String[] METERS = { "WATER", "ELECTRICITY", "GAS" };

	private final MoveIns moveIns;

	private final Households households;

	private final OwnerArchives archives;

	private final MeterReadings meterReadings;

	private final CaseIntake caseIntake;

	private final CompletedTasks completedTasks;

	private final Clock clock;

	CompleteMoveInDelegate(MoveIns moveIns, Households households, OwnerArchives archives, MeterReadings meterReadings,
			CaseIntake caseIntake, CompletedTasks completedTasks, Clock clock) {
		this.moveIns = moveIns;
		this.households = households;
		this.archives = archives;
		this.meterReadings = meterReadings;
		this.caseIntake = caseIntake;
		this.completedTasks = completedTasks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MoveIn moveIn = moveIns.byCaseNumber(execution.getProcessBusinessKey());
		if (moveIn.status() != Status.OPEN) {
			throw new IllegalStateException("入伙手续 " + moveIn.caseNumber() + " 已是 " + moveIn.status() + "，不能再办结");
		}
		completedTasks.completedByItsGroup(execution, MoveInProcess.Element.CHECK_DOCUMENTS);
		completedTasks.completedByItsGroup(execution, MoveInProcess.Element.INSPECT_AND_HAND_OVER);
		LocalDate today = LocalDate.now(clock);
		List<Person> owners = moveIns.people(moveIn.id(), "OWNER");
		households.moveIn(moveIn.unitId(), today,
				owners.stream().map(o -> new NewOwner(o.name(), o.idNumber(), o.phone())).toList(),
				moveIns.people(moveIn.id(), "MEMBER")
					.stream()
					.map(m -> new NewMember(m.name(), m.relation(), m.idNumber(), m.phone()))
					.toList(),
				moveIns.vehicles(moveIn.id())
					.stream()
					.map(v -> new NewVehicle(v.plateNumber(), v.model(), v.color()))
					.toList());
		for (String meter : METERS) {
			Object reading = execution.getVariable(meter.toLowerCase() + "Reading");
			if (reading != null) {
				meterReadings.record(moveIn.unitId(), meter, new BigDecimal(reading.toString()), today,
						moveIn.caseNumber());
			}
		}
		List<String> defects = defects(execution);
		String ownerNames = owners.stream().map(Person::name).collect(Collectors.joining("、"));
		for (int i = 0; i < defects.size(); i++) {
			caseIntake.register(new Registration(moveIn.caseNumber() + "-" + i, CaseType.SERVICE_REQUEST,
					moveIn.unitNumber(), ownerNames, null, Channel.VISIT, "房屋质量", Urgency.NORMAL,
					"入伙验房发现：" + defects.get(i)), Staff.SYSTEM);
		}
		String cabinet = "档案室 " + moveIn.unitNumber().split("-")[0] + " 号柜";
		archives.create(moveIn.unitId(), moveIn.unitNumber(), moveIn.id(),
				List.of(new Document("身份证", owners.get(0).idNumber(), today, cabinet),
						new Document("购房合同", moveIn.contractNumber(), today, cabinet),
						new Document("入伙通知书", moveIn.caseNumber(), today, cabinet),
						new Document("管理规约（已签署）", null, today, cabinet),
						new Document("前期物业服务协议（已签署）", null, today, cabinet),
						new Document("装修须知（已签署）", null, today, cabinet)),
				moveIn.caseNumber());
		moveIns.changeStatus(moveIn.id(), Status.COMPLETED);
		execution.setVariable(MoveInProcess.Var.DEFECT_CASES, defects.size());
	}

	/** The defects found at the inspection, one a line of the handover form. */
	private static List<String> defects(DelegateExecution execution) {
		Object text = execution.getVariable(MoveInProcess.Var.DEFECTS);
		return text == null ? List.of()
				: text.toString().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
