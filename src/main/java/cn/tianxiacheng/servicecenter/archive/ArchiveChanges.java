package cn.tianxiacheng.servicecenter.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import cn.tianxiacheng.servicecenter.archive.ArchiveChangeProcess.Var;
import cn.tianxiacheng.servicecenter.estate.Households.OwnerField;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.IdNumbers;
import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to an owner archive, each kept as a version (who, when, which field, old → new).
 * Phones change at once; a change of the owner's name (过户) or ID number waits for the
 * manager's approval in {@code ArchiveChangeProcess}.
 */
@Service
class ArchiveChanges {

	enum Field {

		PHONE("联系电话", OwnerField.PHONE, false), ALTERNATE_PHONE("备用电话", OwnerField.ALTERNATE_PHONE, false),
		NAME("业主姓名（过户）", OwnerField.NAME, true), ID_NUMBER("身份证号", OwnerField.ID_NUMBER, true);

		final String label;

		final OwnerField ownerField;

		final boolean needsApproval;

		Field(String label, OwnerField ownerField, boolean needsApproval) {
			this.label = label;
			this.ownerField = ownerField;
			this.needsApproval = needsApproval;
		}

	}

	record Change(long changeId, String status, String processInstanceId) {
	}

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert changeInsert;

	private final RuntimeService runtimeService;

	private final Households households;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	private final StaffNames staffNames;

	ArchiveChanges(JdbcTemplate jdbc, RuntimeService runtimeService, Households households, EngineAsSystem asSystem,
			Clock clock, StaffNames staffNames) {
		this.staffNames = staffNames;
		this.jdbc = jdbc;
		this.changeInsert = new SimpleJdbcInsert(jdbc).withTableName("archive_change").usingGeneratedKeyColumns("id");
		this.runtimeService = runtimeService;
		this.households = households;
		this.asSystem = asSystem;
		this.clock = clock;
	}

	/** Records the change; one that needs approval starts its process as the system. Reception asks. */
	@Transactional
	Change request(long archiveId, long ownerId, Field field, String newValue, String reason, Staff staff) {
		staff.require("业主档案由接待员更新", StaffGroup.RECEPTION);
		String requestedBy = staff.id();
		Map<String, Object> archive = jdbc.queryForList("""
				select a.archive_number, a.unit_id from owner_archive a join unit_address u on u.unit_id = a.unit_id
				 where a.id = ? and u.estate_id = ?""", archiveId, staff.estateId()).stream().findFirst().orElseThrow(() -> new NotFoundException("业主档案不存在：编号 " + archiveId));
		String oldValue = households.ownerDetail(((Number) archive.get("unit_id")).longValue(), ownerId, field.ownerField)
			.orElseThrow(() -> new BusinessRuleException("业主 " + ownerId + " 不属于该档案的房屋"));
		if (field == Field.ID_NUMBER && !IdNumbers.isValid(newValue)) {
			throw new BusinessRuleException("身份证号不正确（18 位，末位校验码须正确）");
		}
		if ((field == Field.PHONE || field == Field.ALTERNATE_PHONE) && !PhoneNumbers.isValid(newValue)) {
			throw new BusinessRuleException("电话号码格式不正确（手机 11 位，或带区号的座机）");
		}
		Map<String, Object> row = new HashMap<>();
		row.put("archive_id", archiveId);
		row.put("owner_id", ownerId);
		row.put("field", field.name());
		row.put("old_value", oldValue);
		row.put("new_value", newValue);
		row.put("changed_by", requestedBy);
		row.put("requested_by", requestedBy);
		row.put("changed_at", Timestamp.from(clock.instant()));
		row.put("status", field.needsApproval ? "PENDING" : "APPLIED");
		long changeId = changeInsert.executeAndReturnKey(row).longValue();
		if (!field.needsApproval) {
			apply(changeId);
			return new Change(changeId, "APPLIED", null);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(Var.CHANGE_ID, changeId);
		variables.put(Var.ARCHIVE_ID, archiveId);
		variables.put(Var.ARCHIVE_NUMBER, archive.get("archive_number"));
		variables.put(Var.FIELD_LABEL, field.label);
		variables.put(Var.REQUESTED_BY, requestedBy);
		variables.put(Var.REQUESTED_BY_NAME, staffNames.of(requestedBy));
		variables.put(Var.REASON, reason);
		String processInstanceId = asSystem.call(() -> runtimeService.startProcessInstanceByKey(ArchiveChangeProcess.KEY,
				ArchiveChangeProcess.businessKey(changeId), variables))
			.getId();
		return new Change(changeId, "PENDING", processInstanceId);
	}

	/** The manager's decision, once it counts. */
	void decide(long changeId, boolean approved, String manager) {
		jdbc.update("update archive_change set approved_by = ?, status = ? where id = ? and status = 'PENDING'", manager,
				approved ? "APPROVED" : "REJECTED", changeId);
		if (approved) {
			apply(changeId);
		}
	}

	private void apply(long changeId) {
		Map<String, Object> change = jdbc.queryForMap("select owner_id, field, new_value from archive_change where id = ?",
				changeId);
		Field field = Field.valueOf((String) change.get("field"));
		households.changeOwner(((Number) change.get("owner_id")).longValue(), field.ownerField,
				(String) change.get("new_value"));
	}

}
