package cn.tianxiacheng.servicecenter.release;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.release.GateChecks.CheckResult;
import cn.tianxiacheng.servicecenter.release.GateChecks.GateView;
import cn.tianxiacheng.servicecenter.release.GateChecks.Reason;
import cn.tianxiacheng.servicecenter.release.PassViews.PassLine;
import cn.tianxiacheng.servicecenter.release.PassViews.PassView;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.ApplicantKind;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Item;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Registered;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Request;
import cn.tianxiacheng.servicecenter.system.CsvExport;
import cn.tianxiacheng.servicecenter.system.Staff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 物品放行 over the API: reception registers a request (a retry with the same {@code requestId}
 * returns the same pass), revokes an issued one; the guard scans and decides at the gate; the
 * report per day and gate.
 */
@RestController
class ReleaseApiController {

	private final ReleasePasses passes;

	private final PassViews views;

	private final GateChecks gateChecks;

	private final ReleaseReport report;

	ReleaseApiController(ReleasePasses passes, PassViews views, GateChecks gateChecks, ReleaseReport report) {
		this.passes = passes;
		this.views = views;
		this.gateChecks = gateChecks;
		this.report = report;
	}

	record PassRequest(
			@NotBlank(message = "缺少 requestId（请求编号，重试时保持不变）") @Size(max = 64, message = "requestId 最多 64 个字符") String requestId,
			@NotBlank(message = "缺少 unitNumber（房号，如 3-2-1501）") String unitNumber,
			@NotNull(message = "缺少 applicantKind") @Pattern(regexp = "OWNER|TENANT|AGENT",
					message = "applicantKind 只能是 OWNER（业主）、TENANT（租户）或 AGENT（代办人、搬家公司）") String applicantKind,
			@NotBlank(message = "缺少 applicantName（申请人姓名）") String applicantName,
			@NotBlank(message = "缺少 applicantPhone（申请人电话）") String applicantPhone, String agentIdNumber,
			String agentCompany, Boolean moveOut, List<Item> items,
			@NotNull(message = "缺少 validFrom（放行开始时间，如 2026-11-27T14:00）") LocalDateTime validFrom,
			@NotNull(message = "缺少 validTo（放行结束时间）") LocalDateTime validTo, String vehiclePlate,
			@NotBlank(message = "缺少 gate（出门的大门）") String gate) {

		Request request() {
			return new Request(requestId, unitNumber, ApplicantKind.valueOf(applicantKind), applicantName,
					applicantPhone, agentIdNumber, agentCompany, Boolean.TRUE.equals(moveOut), items, validFrom, validTo,
					vehiclePlate, gate);
		}

	}

	record Revocation(@NotBlank(message = "请填写作废原因") String reason) {
	}

	record Scan(@NotBlank(message = "请输入或扫描放行条编号") String passNumber, String signature,
			@NotBlank(message = "请选择所在的大门") String gate) {
	}

	record Decision(@NotBlank(message = "请输入或扫描放行条编号") String passNumber, String signature,
			@NotBlank(message = "请选择所在的大门") String gate,
			@NotNull(message = "缺少 released（true 放行，false 拒绝）") Boolean released,
			@Pattern(regexp = "ITEMS_DIFFER|OUTSIDE_WINDOW|IDENTITY_DOUBTFUL",
					message = "reason 只能是 ITEMS_DIFFER（物品不符）、OUTSIDE_WINDOW（不在时段内）或 IDENTITY_DOUBTFUL（身份存疑）") String reason,
			String remark) {
	}

	@PostMapping("/api/release-passes")
	Registered request(@Valid @RequestBody PassRequest request, Authentication staff) {
		return passes.request(request.request(), Staff.of(staff));
	}

	@GetMapping("/api/release-passes")
	List<PassLine> list(@RequestParam(required = false) Long unitId, Authentication viewer) {
		return views.list(unitId, Staff.of(viewer));
	}

	@GetMapping("/api/release-passes/{passNumber}")
	PassView show(@PathVariable String passNumber, Authentication viewer) {
		return views.of(passNumber, Staff.of(viewer));
	}

	@PostMapping("/api/release-passes/{passNumber}/revocation")
	PassView revoke(@PathVariable String passNumber, @Valid @RequestBody Revocation revocation, Authentication staff) {
		passes.revoke(passNumber, revocation.reason(), Staff.of(staff));
		return views.of(passNumber, Staff.of(staff));
	}

	/** What the guard sees of a scanned or typed pass; a pass that may not pass says why. */
	@PostMapping("/api/gate/scans")
	GateView scan(@Valid @RequestBody Scan scan, Authentication guard) {
		return gateChecks.scan(scan.passNumber(), scan.signature(), scan.gate(), Staff.of(guard));
	}

	/** The guard's decision: 200 when recorded as decided, 409 when the pass was refused on the spot. */
	@PostMapping("/api/gate-checks")
	ResponseEntity<CheckResult> decide(@Valid @RequestBody Decision decision, Authentication guard) {
		CheckResult result = decided(decision, guard);
		boolean refusedOnTheSpot = !result.released() && !Reason.GUARDS.contains(result.reason());
		return ResponseEntity.status(refusedOnTheSpot ? HttpStatus.CONFLICT : HttpStatus.OK).body(result);
	}

	@GetMapping("/api/release-reports")
	Object report(@RequestParam LocalDate from, @RequestParam LocalDate to,
			@RequestParam(required = false) String format, Authentication viewer) {
		List<ReleaseReport.Row> rows = report.between(Staff.of(viewer).estateId(), from, to);
		if (!"csv".equals(format)) {
			return rows;
		}
		return CsvExport.of("放行统计-" + from + "-" + to + ".csv", List.of("日期", "大门", "签发", "放行", "拒绝", "过期"),
				rows.stream().<Map<String, ?>>map(row -> {
					Map<String, Object> line = new LinkedHashMap<>();
					line.put("日期", row.day().toString());
					line.put("大门", row.gate());
					line.put("签发", row.issued());
					line.put("放行", row.used());
					line.put("拒绝", row.refused());
					line.put("过期", row.expired());
					return line;
				}).toList());
	}

	private CheckResult decided(Decision decision, Authentication guard) {
		return gateChecks.decide(decision.passNumber(), decision.signature(), decision.gate(), decision.released(),
				decision.reason() == null ? null : Reason.valueOf(decision.reason()), decision.remark(), Staff.of(guard));
	}

}
