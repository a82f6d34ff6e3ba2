package cn.tianxiacheng.servicecenter.audit;

import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.audit.AuditSearch.Criteria;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.TenantScope;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's search and a case's story as JSON, for scripts and other tools. */
@RestController
class AuditApiController {

	private final AuditSearch search;

	private final CaseStory stories;

	AuditApiController(AuditSearch search, CaseStory stories) {
		this.search = search;
		this.stories = stories;
	}

	@GetMapping("/api/audit/cases")
	AuditSearch.Page cases(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean escalated,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedFrom,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "30") int size, Authentication viewer) {
		Auditors.require(viewer);
		return search.find(TenantScope.of(Staff.of(viewer)),
				new Criteria(caseNumber, kind, unit, from, to, staff, state, overdue, escalated, closedFrom),
				Math.max(page, 0), Math.min(Math.max(size, 1), 200));
	}

	@GetMapping("/api/audit/cases/{caseNumber}/story")
	CaseStory.Story story(@PathVariable String caseNumber, Authentication viewer) {
		Auditors.require(viewer);
		return stories.of(caseNumber, Staff.of(viewer));
	}

}
