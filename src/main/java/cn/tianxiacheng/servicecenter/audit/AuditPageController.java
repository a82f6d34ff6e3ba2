package cn.tianxiacheng.servicecenter.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.audit.AuditSearch.Criteria;
import cn.tianxiacheng.servicecenter.system.CsvExport;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.TenantScope;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 案件审计: the search over every case of every process, its CSV export, and one case's story
 * with its diagram, as a page to read and print.
 */
@Controller
class AuditPageController {

	private static final int EXPORT_LIMIT = 10_000;

	private static final String RETURN_VISIT = "HF-";

	private final AuditSearch search;

	private final CaseStory stories;

	private final ProcessDiagram diagram;

	private final HistoryService history;

	private final EngineAsSystem asSystem;

	private final Clock clock;

	AuditPageController(AuditSearch search, CaseStory stories, ProcessDiagram diagram, HistoryService history,
			EngineAsSystem asSystem, Clock clock) {
		this.search = search;
		this.history = history;
		this.asSystem = asSystem;
		this.stories = stories;
		this.diagram = diagram;
		this.clock = clock;
	}

	@GetMapping("/audit")
	Object list(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String unit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String staff, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean escalated,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedFrom,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String format,
			Authentication viewer, Model model) {
		Auditors.require(viewer);
		Criteria criteria = new Criteria(caseNumber, kind, unit, from, to, staff, state, overdue, escalated,
				closedFrom);
		String tenantId = TenantScope.of(Staff.of(viewer));
		if ("csv".equals(format)) {
			List<Map<String, ?>> rows = search.find(tenantId, criteria, 0, EXPORT_LIMIT)
				.rows()
				.stream()
				.map(this::csvRow)
				.toList();
			return CsvExport.of("案件审计.csv", List.of("编号", "流程", "房号", "开始", "结束", "状态", "结果", "逾期", "升级"), rows);
		}
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", search.find(tenantId, criteria, Math.max(page, 0), AuditSearch.PAGE_SIZE));
		model.addAttribute("kinds", search.kinds());
		model.addAttribute("zone", clock.getZone());
		return "audit/list";
	}

	@GetMapping("/audit/cases/{caseNumber}")
	String story(@PathVariable String caseNumber, Authentication viewer, Model model) {
		Auditors.require(viewer);
		CaseStory.Story story = stories.of(caseNumber, Staff.of(viewer));
		model.addAttribute("story", story);
		model.addAttribute("diagram", diagram.svg(story.processDefinitionId(), story.visited(), story.current()));
		model.addAttribute("related", related(caseNumber, TenantScope.of(Staff.of(viewer))));
		model.addAttribute("zone", clock.getZone());
		return "audit/story";
	}

	/** A case's return visit ({@code HF-} and its number), or a return visit's case, when it was started. */
	private String related(String caseNumber, String tenantId) {
		String other = caseNumber.startsWith(RETURN_VISIT) ? caseNumber.substring(RETURN_VISIT.length())
				: RETURN_VISIT + caseNumber;
		boolean started = asSystem.call(() -> history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(other)
			.list()
			.stream()
			.anyMatch(instance -> TenantScope.shows(instance.getTenantId(), tenantId)));
		return started ? other : null;
	}

	private Map<String, ?> csvRow(AuditSearch.Row row) {
		Map<String, Object> csv = new LinkedHashMap<>();
		csv.put("编号", row.numberLabel());
		csv.put("流程", row.kindName());
		csv.put("房号", row.unitNumber() == null ? "" : row.unitNumber());
		DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
		csv.put("开始", minutes.format(row.startedAt()));
		csv.put("结束", row.endedAt() == null ? "" : minutes.format(row.endedAt()));
		csv.put("状态", row.stateLabel());
		csv.put("结果", row.outcome() == null ? "" : row.outcome());
		csv.put("逾期", row.overdue() ? "是" : "否");
		csv.put("升级", row.escalated() ? "是" : "否");
		return csv;
	}

}
