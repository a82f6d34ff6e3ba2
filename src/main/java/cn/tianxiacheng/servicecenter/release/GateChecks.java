package cn.tianxiacheng.servicecenter.release;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Item;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Pass;
import cn.tianxiacheng.servicecenter.release.ReleasePasses.Status;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.EngineAsSystem;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 门岗查验: the guard scans or types a pass; a pass that is unknown, forged, not issued, used,
 * expired or revoked is refused on the spot with the reason; a valid one is shown (unit, items,
 * window; no phone or ID number) and the guard releases the goods or refuses them with a reason.
 * Every check is recorded. A pass is released once: the update from ISSUED and the unique
 * release row in {@code gate_check} hold however many guards scan it at the same moment.
 */
@Service
class GateChecks {

	enum Reason {

		ITEMS_DIFFER("物品与放行条不符"), OUTSIDE_WINDOW("不在放行时段内"), IDENTITY_DOUBTFUL("身份存疑"),
		ALREADY_USED("放行条已使用过"), EXPIRED("放行条已过期"), FORGED("校验码不符，放行条可能是伪造的"), REVOKED("放行条已作废"),
		NOT_ISSUED("放行条未获批准签发"), UNKNOWN("没有这张放行条");

		/** The reasons a guard gives for refusing goods of a valid pass. */
		static final Set<Reason> GUARDS = Set.of(ITEMS_DIFFER, OUTSIDE_WINDOW, IDENTITY_DOUBTFUL);

		private final String label;

		Reason(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** What the guard sees of a pass: no phone, no ID number. */
	record GateView(String passNumber, String unitNumber, String applicant, List<Item> items, String window,
			String gate, String vehiclePlate, boolean moveOut, String status, boolean releasable, Reason refusal, String refusalLabel) {
	}

	record CheckResult(String passNumber, boolean released, Reason reason, String reasonLabel, String gate,
			String checkedBy, Instant checkedAt) {
	}

	private final ReleasePasses passes;

	private final PassSignature signature;

	private final PassJournal journal;

	private final JdbcTemplate jdbc;

	private final RuntimeService runtimeService;

	private final EngineAsSystem asSystem;

	private final PassGates gates;

	private final Clock clock;

	private final RequestOnce requestOnce;

	GateChecks(ReleasePasses passes, PassSignature signature, PassJournal journal, JdbcTemplate jdbc,
			RuntimeService runtimeService, EngineAsSystem asSystem, PassGates gates, Clock clock,
			RequestOnce requestOnce) {
		this.requestOnce = requestOnce;
		this.passes = passes;
		this.signature = signature;
		this.journal = journal;
		this.jdbc = jdbc;
		this.runtimeService = runtimeService;
		this.asSystem = asSystem;
		this.gates = gates;
		this.clock = clock;
	}

	/**
	 * A pass shown at the gate: refused on the spot (and recorded) when it may not pass, else
	 * shown for the item-by-item check. The check code (scanned or typed from the
	 * pass) is required: pass numbers are sequential, so a number alone proves nothing and shows nothing.
	 */
	@Transactional
	GateView scan(String passNumber, String presentedSignature, String gate, Staff guard) {
		requireGuard(guard, gate);
		String number = normalised(passNumber);
		requireCheckCode(presentedSignature);
		Optional<Pass> pass = find(guard.estateId(), number);
		Optional<Reason> refusal = refusalOnTheSpot(number, pass, presentedSignature);
		refusal.ifPresent(reason -> record(number, pass, gate, false, reason, null, guard));
		return view(number, pass, presentedSignature, refusal);
	}

	/** The guard's decision on a pass: released (once), or refused with a reason. */
	CheckResult decide(String passNumber, String presentedSignature, String gate, boolean release, Reason reason,
			String remark, Staff guard) {
		return requestOnce.apply(() -> decideOnce(passNumber, presentedSignature, gate, release, reason, remark, guard));
	}

	private CheckResult decideOnce(String passNumber, String presentedSignature, String gate, boolean release,
			Reason reason, String remark, Staff guard) {
		requireGuard(guard, gate);
		if (!release && (reason == null || !Reason.GUARDS.contains(reason))) {
			throw new BadInputException("请选择拒绝放行的原因：物品与放行条不符、不在放行时段内或身份存疑");
		}
		if (remark != null && remark.strip().length() > 200) {
			throw new BadInputException("备注最多 200 个字");
		}
		String number = normalised(passNumber);
		requireCheckCode(presentedSignature);
		Optional<Pass> pass = find(guard.estateId(), number);
		Optional<Reason> refusal = refusalOnTheSpot(number, pass, presentedSignature);
		if (refusal.isPresent()) {
			return record(number, pass, gate, false, refusal.get(), remark, guard);
		}
		Pass issued = pass.orElseThrow();
		Instant now = clock.instant();
		if (jdbc.update("""
				update release_pass set status = ?, closing_reason = ?, closed_at = ?
				 where id = ? and status = 'ISSUED'""", release ? Status.USED.name() : Status.REFUSED_AT_GATE.name(),
				release ? null : reason.label(), Timestamp.from(now), issued.id()) == 0) {
			return record(number, pass, gate, false, Reason.ALREADY_USED, remark, guard);
		}
		CheckResult result = record(number, pass, gate, release, release ? null : reason, remark, guard);
		journal.record(issued.id(), release ? "门岗放行（" + gate + "）" : "门岗拒绝放行（" + gate + "）：" + reason.label(),
				guard.id(), remark == null || remark.isBlank() ? null : remark.strip());
		asSystem.run(() -> runtimeService
			.createMessageCorrelation(release ? GoodsReleaseProcess.GOODS_RELEASED : GoodsReleaseProcess.REFUSED_AT_GATE)
			.processInstanceBusinessKey(number)
			.correlate());
		return result;
	}

	private Optional<Reason> refusalOnTheSpot(String number, Optional<Pass> pass, String presentedSignature) {
		if (pass.isEmpty()) {
			return Optional.of(Reason.UNKNOWN);
		}
		if (!signature.matches(number, presentedSignature)) {
			return Optional.of(Reason.FORGED);
		}
		Instant now = clock.instant();
		return switch (pass.get().status()) {
			case USED, REFUSED_AT_GATE -> Optional.of(Reason.ALREADY_USED);
			case EXPIRED -> Optional.of(Reason.EXPIRED);
			case REVOKED -> Optional.of(Reason.REVOKED);
			case REQUESTED, REFUSED -> Optional.of(Reason.NOT_ISSUED);
			case ISSUED -> now.isAfter(pass.get().validTo()) ? Optional.of(Reason.EXPIRED)
					: now.isBefore(pass.get().validFrom()) ? Optional.of(Reason.OUTSIDE_WINDOW) : Optional.empty();
		};
	}

	private GateView view(String number, Optional<Pass> found, String presentedSignature, Optional<Reason> refusal) {
		if (found.isEmpty()) {
			return new GateView(number, null, null, List.of(), null, null, null, false, null, false,
					refusal.orElseThrow(), refusal.get().label());
		}
		Pass pass = found.get();
		return new GateView(pass.passNumber(), pass.unitNumber(), pass.applicantLabel(PersonalDataMask.MASKED),
				passes.items(pass.id()), passes.window(pass), pass.gate(), pass.vehiclePlate(), pass.moveOut(),
				pass.status().label(), refusal.isEmpty(),
				refusal.orElse(null), refusal.map(Reason::label).orElse(null));
	}

	private CheckResult record(String number, Optional<Pass> pass, String gate, boolean released, Reason reason,
			String remark, Staff guard) {
		Instant now = clock.instant();
		Long passId = pass.map(Pass::id).orElse(null);
		jdbc.update("""
				insert into gate_check (pass_id, presented_number, gate, result, reason, remark, checked_by, checked_at,
				                        released_pass_id, estate_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", passId, number, gate, released ? "RELEASED" : "REFUSED",
				reason == null ? null : reason.name(), remark == null || remark.isBlank() ? null : remark.strip(),
				guard.id(), Timestamp.from(now), released ? passId : null, guard.estateId());
		if (passId != null && !released && !Reason.GUARDS.contains(reason)) {
			journal.record(passId, "门岗当场拒绝（" + gate + "）：" + reason.label(), guard.id(), null);
		}
		return new CheckResult(number, released, reason, reason == null ? null : reason.label(), gate, guard.id(), now);
	}

	/** The pass of the guard's estate; another estate's is no pass here. */
	private Optional<Pass> find(long estateId, String number) {
		return jdbc.queryForList("""
				select p.id from release_pass p join unit_address u on u.unit_id = p.unit_id
				 where p.pass_number = ? and u.estate_id = ?""", Long.class, number, estateId)
			.stream()
			.findFirst()
			.map(passes::byId);
	}

	private void requireGuard(Staff guard, String gate) {
		guard.require("只有秩序维护部（门岗）可以查验放行条", StaffGroup.SECURITY);
		List<String> ofEstate = gates.of(guard);
		if (gate == null || !ofEstate.contains(gate)) {
			throw new BadInputException("请选择您所在的大门：" + String.join("、", ofEstate));
		}
	}

	private static void requireCheckCode(String presentedSignature) {
		if (presentedSignature == null || presentedSignature.isBlank()) {
			throw new BadInputException("请扫描放行条上的二维码，或输入放行条上的 20 位校验码：只凭编号不能查验");
		}
	}

	private static String normalised(String passNumber) {
		if (passNumber == null || passNumber.isBlank()) {
			throw new BadInputException("请输入或扫描放行条编号");
		}
		String number = passNumber.strip().toUpperCase();
		if (number.length() > 30) {
			throw new BadInputException("放行条编号格式不正确，如 TXC-FX-20261127-0001");
		}
		return number;
	}

}
