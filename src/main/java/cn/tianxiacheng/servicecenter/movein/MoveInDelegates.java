package cn.tianxiacheng.servicecenter.movein;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives.Document;
import cn.tianxiacheng.servicecenter.casework.CaseIntake;
import cn.tianxiacheng.servicecenter.casework.CaseIntake.Registration;
import cn.tianxiacheng.servicecenter.casework.CaseType;
import cn.tianxiacheng.servicecenter.casework.Channel;
import cn.tianxiacheng.servicecenter.casework.Urgency;
import cn.tianxiacheng.servicecenter.fee.BillingRuns;
import cn.tianxiacheng.servicecenter.fee.CaseFees;
import cn.tianxiacheng.servicecenter.fee.CaseFees.CaseFee;
import cn.tianxiacheng.servicecenter.fee.Ledger;
import cn.tianxiacheng.servicecenter.fee.MeterReadings;
import cn.tianxiacheng.servicecenter.movein.MoveInProcess.Var;
import cn.tianxiacheng.servicecenter.movein.MoveIns.MoveIn;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Person;
import cn.tianxiacheng.servicecenter.movein.MoveIns.Status;
import cn.tianxiacheng.servicecenter.system.CompletedTasks;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code MoveInProcess}.
 */
final class MoveInDelegates {

	private MoveInDelegates() {
	}


	/** The opening fees: management fee for the prepaid months from today, and the one-off fees. */
	@Component("issueMoveInFeesDelegate")
	static class IssueOpeningFees implements JavaDelegate {

		private final MoveIns moveIns;

		private final BillingRuns billingRuns;

		private final CaseFees caseFees;

		private final MoveInProperties properties;

		private final Clock clock;

		IssueOpeningFees(MoveIns moveIns, BillingRuns billingRuns, CaseFees caseFees, MoveInProperties properties,
				Clock clock) {
			this.moveIns = moveIns;
			this.billingRuns = billingRuns;
			this.caseFees = caseFees;
			this.properties = properties;
			this.clock = clock;
		}

		@Override
		public void execute(DelegateExecution execution) {
			MoveIn moveIn = moveIns.byCaseNumber(execution.getProcessBusinessKey());
			String caseNumber = moveIn.caseNumber();
			BigDecimal management = billingRuns
				.issueManagementAhead(moveIn.unitId(), LocalDate.now(clock), properties.prepaidMonths(), caseNumber)
				.total();
			BigDecimal oneOff = caseFees.issue(caseNumber, moveIn.unitId(), CaseFee.parse(properties.oneOffFees()),
					caseNumber);
			execution.setVariable("openingFees", management.add(oneOff).toPlainString());
		}

	}

	/** Paid when the unit owes nothing any more: its only bills are the opening fees. */
	@Component("checkOpeningFeesPaidDelegate")
	static class CheckOpeningFeesPaid implements JavaDelegate {

		private final MoveIns moveIns;

		private final Ledger ledger;

		CheckOpeningFeesPaid(MoveIns moveIns, Ledger ledger) {
			this.moveIns = moveIns;
			this.ledger = ledger;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long unitId = moveIns.byCaseNumber(execution.getProcessBusinessKey()).unitId();
			execution.setVariable(Var.OPENING_FEES_PAID, ledger.owesNothing(unitId));
		}

	}

	@Component("rejectMoveInDelegate")
	static class Reject implements JavaDelegate {

		private final MoveIns moveIns;

		Reject(MoveIns moveIns) {
			this.moveIns = moveIns;
		}

		@Override
		public void execute(DelegateExecution execution) {
			moveIns.changeStatus(moveIns.byCaseNumber(execution.getProcessBusinessKey()).id(), Status.REJECTED);
		}

	}

	@Component("cancelMoveInDelegate")
	static class Cancel implements JavaDelegate {

		private final MoveIns moveIns;

		Cancel(MoveIns moveIns) {
			this.moveIns = moveIns;
		}

		@Override
		public void execute(DelegateExecution execution) {
			moveIns.changeStatus(moveIns.byCaseNumber(execution.getProcessBusinessKey()).id(), Status.CANCELLED);
		}

	}

	/**
	 * 验房交钥匙 done: the owners, household and vehicles become the unit's, the unit is occupied
	 * from today, the meter readings are its first, every defect becomes a repair case for
	 * engineering, and the owner archive is created.
	 */
	@Component("completeMoveInDelegate")
	static class Complete implements JavaDelegate {

		private final MoveIns moveIns;

		private final OwnerArchives archives;

		private final MeterReadings meterReadings;

		private final CaseIntake caseIntake;

		private final CompletedTasks completedTasks;

		private final JdbcTemplate jdbc;

		private final Clock clock;

		Complete(MoveIns moveIns, OwnerArchives archives, MeterReadings meterReadings, CaseIntake caseIntake,
				CompletedTasks completedTasks, JdbcTemplate jdbc, Clock clock) {
			this.moveIns = moveIns;
			this.archives = archives;
			this.meterReadings = meterReadings;
			this.caseIntake = caseIntake;
			this.completedTasks = completedTasks;
			this.jdbc = jdbc;
			this.clock = clock;
		}

		/** Runs after the handover's commit: the papers and the handover count only when reception did them. */
		@Override
		public void execute(DelegateExecution execution) {
			MoveIn moveIn = moveIns.byCaseNumber(execution.getProcessBusinessKey());
			if (moveIn.status() != Status.OPEN) {
				throw new IllegalStateException("入伙手续 " + moveIn.caseNumber() + " 已是 " + moveIn.status() + "，不能再办结");
			}
			completedTasks.completedByItsGroup(execution, MoveInProcess.Element.CHECK_DOCUMENTS);
			completedTasks.completedByItsGroup(execution, MoveInProcess.Element.INSPECT_AND_HAND_OVER);
			long moveInId = moveIn.id();
			long unitId = moveIn.unitId();
			String unitNumber = moveIn.unitNumber();
			String by = moveIn.caseNumber();
			LocalDate today = LocalDate.now(clock);
			jdbc.update("delete from resident where unit_id = ?", unitId);
			jdbc.update("update parking_space set unit_id = null where unit_id = ? and status = 'LEASED'", unitId);
			jdbc.update("delete from vehicle where unit_id = ?", unitId);
			jdbc.update("delete from owner where unit_id = ?", unitId);
			for (Person owner : moveIns.people(moveInId, "OWNER")) {
				jdbc.update("insert into owner (unit_id, name, id_number, phone, move_in_date) values (?, ?, ?, ?, ?)",
						unitId, owner.name(), owner.idNumber(), owner.phone(), Date.valueOf(today));
			}
			for (Person member : moveIns.people(moveInId, "MEMBER")) {
				jdbc.update("insert into resident (unit_id, name, relation, id_number, phone) values (?, ?, ?, ?, ?)",
						unitId, member.name(), member.relation(), member.idNumber(), member.phone());
			}
			for (MoveIns.Vehicle vehicle : moveIns.vehicles(moveInId)) {
				jdbc.update("insert into vehicle (unit_id, plate_number, model, color) values (?, ?, ?, ?)", unitId,
						vehicle.plateNumber(), vehicle.model(), vehicle.color());
			}
			jdbc.update("update unit set status = 'OCCUPIED' where id = ?", unitId);
			for (String meter : new String[] { "WATER", "ELECTRICITY", "GAS" }) {
				Object reading = execution.getVariable(meter.toLowerCase() + "Reading");
				if (reading != null) {
					meterReadings.record(unitId, meter, new BigDecimal(reading.toString()), today, by);
				}
			}
			List<String> defects = new ArrayList<>();
			Object defectText = execution.getVariable(Var.DEFECTS);
			if (defectText != null) {
				defectText.toString().lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(defects::add);
			}
			String ownerNames = moveIns.people(moveInId, "OWNER").stream().map(Person::name).collect(Collectors.joining("、"));
			for (String defect : defects) {
				caseIntake.register(new Registration(by + "-" + defects.indexOf(defect), CaseType.SERVICE_REQUEST,
						unitNumber, ownerNames, null, Channel.VISIT, "房屋质量", Urgency.NORMAL, "入伙验房发现：" + defect), Staff.SYSTEM);
			}
			String cabinet = "档案室 " + unitNumber.split("-")[0] + " 号柜";
			archives.create(unitId, unitNumber, moveInId,
					List.of(new Document("身份证", firstOwnerIdNumber(moveInId), today, cabinet),
							new Document("购房合同", moveIn.contractNumber(), today, cabinet),
							new Document("入伙通知书", by, today, cabinet), new Document("管理规约（已签署）", null, today, cabinet),
							new Document("前期物业服务协议（已签署）", null, today, cabinet),
							new Document("装修须知（已签署）", null, today, cabinet)),
					by);
			moveIns.changeStatus(moveInId, Status.COMPLETED);
			execution.setVariable("defectCases", defects.size());
		}

		private String firstOwnerIdNumber(long moveInId) {
			return moveIns.people(moveInId, "OWNER").get(0).idNumber();
		}


	}

}
