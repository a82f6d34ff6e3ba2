package cn.tianxiacheng.servicecenter.archive;

import java.time.LocalDate;
import java.util.List;

import cn.tianxiacheng.servicecenter.archive.ArchiveAccesses.Access;
import cn.tianxiacheng.servicecenter.archive.ArchiveAccesses.Kind;
import cn.tianxiacheng.servicecenter.archive.ArchiveAccesses.ReadLogEntry;
import cn.tianxiacheng.servicecenter.archive.OwnerArchives.ArchiveView;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffAuthorities;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owner archives: read (in clear only under an approved access, and logged), ask for access,
 * the log of clear reads for auditors and the manager.
 */
@RestController
class ArchiveApiController {

	private final OwnerArchives archives;

	private final ArchiveAccesses accesses;

	private final ArchiveChanges changes;

	ArchiveApiController(OwnerArchives archives, ArchiveAccesses accesses, ArchiveChanges changes) {
		this.archives = archives;
		this.accesses = accesses;
		this.changes = changes;
	}

	record AccessRequest(@NotBlank(message = "请填写查阅原因") @Size(max = 500, message = "原因最多 500 个字") String reason,
			@NotNull(message = "缺少 kind") @Pattern(regexp = "CONSULT|BORROW",
					message = "kind 只能是 CONSULT（查阅）或 BORROW（借阅纸质档案）") String kind,
			LocalDate dueOn) {
	}

	record ChangeRequest(@NotNull(message = "缺少 ownerId（业主编号）") Long ownerId,
			@NotNull(message = "缺少 field") @Pattern(regexp = "PHONE|ALTERNATE_PHONE|NAME|ID_NUMBER",
					message = "field 只能是 PHONE、ALTERNATE_PHONE、NAME（过户）或 ID_NUMBER") String field,
			@NotBlank(message = "请填写新的值") @Size(max = 50, message = "新的值最多 50 个字") String newValue,
			@NotBlank(message = "请填写变更原因") @Size(max = 500, message = "原因最多 500 个字") String reason) {
	}

	/** Reception updates an archive: phones at once, name (过户) and ID number after the manager approves. */
	@PostMapping("/api/archives/{id}/changes")
	@ResponseStatus(HttpStatus.CREATED)
	ArchiveChanges.Change change(@PathVariable long id, @Valid @RequestBody ChangeRequest request, Authentication staff) {
		return changes.request(id, request.ownerId(), ArchiveChanges.Field.valueOf(request.field()),
				request.newValue().strip(), request.reason().strip(), Staff.of(staff));
	}

	@GetMapping("/api/archives")
	ArchiveView ofUnit(@RequestParam long unitId, Authentication viewer) {
		return archives.read(archives.ofUnit(unitId, Staff.of(viewer).estateId()), viewer);
	}

	@GetMapping("/api/archives/{id}")
	ArchiveView read(@PathVariable long id, Authentication viewer) {
		return archives.read(id, viewer);
	}

	@PostMapping("/api/archives/{id}/access-requests")
	@ResponseStatus(HttpStatus.CREATED)
	Access requestAccess(@PathVariable long id, @Valid @RequestBody AccessRequest request, Authentication staff) {
		return accesses.request(id, request.reason().strip(), Kind.valueOf(request.kind()), request.dueOn(),
				Staff.of(staff));
	}

	@GetMapping("/api/archive-accesses/{id}")
	Access access(@PathVariable long id, Authentication viewer) {
		return accesses.byId(id, Staff.of(viewer).estateId());
	}

	@GetMapping("/api/archives/read-log")
	List<ReadLogEntry> readLog(Authentication staff) {
		StaffAuthorities.requireAny(staff, "只有审计和经理可以查看档案查阅记录", StaffGroup.AUDITOR, StaffGroup.MANAGER);
		return accesses.readLog(Staff.of(staff).estateId());
	}

}
