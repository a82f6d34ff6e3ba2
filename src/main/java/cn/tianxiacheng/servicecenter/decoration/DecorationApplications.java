package cn.tianxiacheng.servicecenter.decoration;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.decoration.DecorationApprovalProcess.Var;
import cn.tianxiacheng.servicecenter.decoration.DecorationRules.Requirements;
import cn.tianxiacheng.servicecenter.estate.IdNumbers;
import cn.tianxiacheng.servicecenter.estate.Owner;
import cn.tianxiacheng.servicecenter.estate.PhoneNumbers;
import cn.tianxiacheng.servicecenter.estate.Unit;
import cn.tianxiacheng.servicecenter.estate.UnitRepository;
import cn.tianxiacheng.servicecenter.journal.Intake.FirstStep;
import cn.tianxiacheng.servicecenter.journal.Intake;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.NumberSeries;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Service;

/**
 * 装修申报: reception records an owner's (or a tenant's or agent's) application with the contractor
 * and the workers (their ID numbers stay here), the rules say which documents it needs and
 * refuse what may not be done at all, and {@code DecorationApprovalProcess} starts, carrying the
 * decoration's number. One open decoration a unit.
 */
@Service
class DecorationApplications {

	record Worker(String name, String idNumber, String trade) {
	}

	record Application(String requestId, String unitNumber, String applicantRole, String applicantName,
			String applicantPhone, String contractorCompany, String contractorLicence, String contractorPerson,
			String contractorPhone, List<Worker> workers, LocalDate plannedStart, LocalDate plannedEnd, String works,
			List<String> scope) {
	}

	record Applied(String decorationNumber, String processInstanceId, List<String> requiredDocuments) {
	}

	private static final int MAX_NAME = 50;

	private static final int MAX_WORKERS = 30;

	private static final int WORKS_SHOWN = 200;

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert decorationInsert;

	private final UnitRepository units;

	private final DecorationRules rules;

	private final DecorationJournal journal;

	private final Intake intake;

	private final NumberSeries numberSeries;

	private final DecorationProperties properties;

	private final Clock clock;

	private final RequestOnce requestOnce;

	DecorationApplications(JdbcTemplate jdbc, UnitRepository units, DecorationRules rules,
			DecorationJournal journal, NumberSeries numberSeries, DecorationProperties properties, Clock clock,
			RequestOnce requestOnce, Intake intake) {
		this.requestOnce = requestOnce;
		this.jdbc = jdbc;
		this.decorationInsert = new SimpleJdbcInsert(jdbc).withTableName("decoration").usingGeneratedKeyColumns("id");
		this.units = units;
		this.rules = rules;
		this.journal = journal;
		this.numberSeries = numberSeries;
		this.properties = properties;
		this.clock = clock;
		this.intake = intake;
	}

	/**
	 * Records the application and starts its process as the system; a retry with the same
	 * {@code requestId} answers the first. Bad input is refused (400, naming what is wrong),
	 * an unknown unit or a refused scope with 422, a second open decoration with 409: nothing is
	 * created then.
	 */
	Applied apply(Application application, Staff staff) {
		return requestOnce.apply(() -> applyOnce(application, staff));
	}

	private Applied applyOnce(Application application, Staff staff) {
		staff.require("只有接待员可以受理装修申报", StaffGroup.RECEPTION);
		long estateId = staff.estateId();
		Optional<Applied> earlier = requestOnce.earlier(application.requestId(), """
				select d.decoration_number, d.process_instance_id, d.id from decoration d
				  join unit_address u on u.unit_id = d.unit_id where d.request_id = ? and u.estate_id = %d"""
			.formatted(estateId), (rs, i) -> new Applied(rs.getString(1), rs.getString(2), documents(rs.getLong(3))));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		check(application);
		ApplicantRole role = ApplicantRole.valueOf(application.applicantRole());
		Set<Scope> scope = scopeOf(application);
		Unit unit = units.findByBuildingEstateIdAndNumber(estateId, application.unitNumber().strip())
			.orElseThrow(() -> new BusinessRuleException("没有房号为“" + application.unitNumber().strip() + "”的房屋"));
		List<String> owners = unit.getOwners().stream().map(Owner::getName).toList();
		if (owners.isEmpty()) {
			throw new BusinessRuleException("房屋 " + unit.getNumber() + " 没有登记业主，不能申报装修");
		}
		if (role == ApplicantRole.OWNER && !owners.contains(application.applicantName().strip())) {
			throw new BusinessRuleException("“" + application.applicantName().strip() + "”不是房屋 " + unit.getNumber()
					+ " 登记的业主；租户或代理人申报请选相应身份，并取得业主同意");
		}
		if (jdbc.queryForObject("select count(*) from decoration where unit_id = ? and status in (%s)"
			.formatted(DecorationStatus.openList()), Integer.class, unit.getId()) > 0) {
			throw new ConflictException("房屋 " + unit.getNumber() + " 已有一份未结束的装修，不能再申报");
		}
		Requirements requirements = rules.evaluate(unit.getBuilding().getEstate().getCode(), role, scope);
		if (!requirements.refusals().isEmpty()) {
			throw new BusinessRuleException("不予受理：" + String.join("；", requirements.refusals()));
		}
		String number = numberSeries.nextOfDay(unit.getBuilding().getEstate().getCode(), "ZX");
		long id = insert(application, number, unit, role, scope, staff);
		requirements.documents()
			.forEach(document -> jdbc.update("insert into decoration_document (decoration_id, name) values (?, ?)", id,
					document));
		Map<String, Object> variables = new HashMap<>(DecorationRules.inputs(role, scope));
		variables.put(Var.CASE_NUMBER, number);
		variables.put(Var.UNIT_ID, unit.getId());
		variables.put(Var.UNIT_NUMBER, unit.getNumber());
		variables.put(Var.CATEGORY, "装修");
		variables.put(Var.URGENCY_LABEL, "一般");
		variables.put(Var.APPLICANT_IS_OWNER, role == ApplicantRole.OWNER);
		variables.put(Var.APPLICANT_LABEL, role.label());
		variables.put(Var.CONTRACTOR, application.contractorCompany().strip());
		variables.put(Var.PLANNED_PERIOD, application.plannedStart() + " 至 " + application.plannedEnd());
		String works = application.works().strip();
		variables.put(Var.WORKS, works.length() <= WORKS_SHOWN ? works : works.substring(0, WORKS_SHOWN) + "…");
		variables.put(Var.SCOPE_LABELS, Scope.labels(scope));
		variables.put(Var.REQUIRED_DOCUMENTS, markdownList(requirements.documents()));
		variables.put(Var.VIOLATION_DEDUCTIONS, "0.00");
		variables.put(Var.REQUESTED_BY, staff.id());
		String processInstanceId = intake.start(DecorationApprovalProcess.KEY, number, variables, journal, id,
				new FirstStep("受理装修申报", staff.id(), "装修范围：" + Scope.labels(scope) + "；应提交资料 "
						+ requirements.documents().size() + " 项" + (requirements.managerReview() ? "；须经理审批" : "")));
		jdbc.update("update decoration set process_instance_id = ? where id = ?", processInstanceId, id);
		return new Applied(number, processInstanceId, requirements.documents());
	}

	static String markdownList(List<String> lines) {
		return lines.stream().map(line -> "- " + line).collect(Collectors.joining("\n"));
	}

	private long insert(Application application, String number, Unit unit, ApplicantRole role, Set<Scope> scope,
			Staff staff) {
		Map<String, Object> row = new HashMap<>();
		row.put("decoration_number", number);
		row.put("request_id", application.requestId());
		row.put("unit_id", unit.getId());
		row.put("applicant_role", role.name());
		row.put("applicant_name", application.applicantName().strip());
		row.put("applicant_phone", application.applicantPhone().strip());
		row.put("contractor_company", application.contractorCompany().strip());
		row.put("contractor_licence", application.contractorLicence().strip());
		row.put("contractor_person", application.contractorPerson().strip());
		row.put("contractor_phone", application.contractorPhone().strip());
		row.put("works", application.works().strip());
		row.put("scope", Decorations.scopeNames(scope));
		row.put("planned_start", Date.valueOf(application.plannedStart()));
		row.put("planned_end", Date.valueOf(application.plannedEnd()));
		row.put("status", DecorationStatus.APPLIED.name());
		row.put("registered_by", staff.id());
		row.put("registered_at", Timestamp.from(clock.instant()));
		long id = decorationInsert.executeAndReturnKey(row).longValue();
		for (Worker worker : application.workers()) {
			jdbc.update("insert into decoration_worker (decoration_id, name, id_number, trade) values (?, ?, ?, ?)", id,
					worker.name().strip(), worker.idNumber().strip().toUpperCase(), worker.trade().strip());
		}
		return id;
	}

	private List<String> documents(long decorationId) {
		return jdbc.queryForList("select name from decoration_document where decoration_id = ? order by id", String.class,
				decorationId);
	}

	/** Refuses (400, naming what is wrong) an application that would break the decoration later. */
	private void check(Application a) {
		require(present(a.unitNumber()), "请填写房号");
		require(a.applicantRole() != null && Arrays.stream(ApplicantRole.values()).anyMatch(r -> r.name().equals(a.applicantRole())),
				"申请人身份只能是 OWNER（业主本人）、TENANT（租户）或 AGENT（代理人）");
		checkName(a.applicantName(), "申请人姓名");
		require(PhoneNumbers.isValid(a.applicantPhone()), "申请人联系电话不正确（手机 11 位，或带区号的座机）");
		require(present(a.contractorCompany()) && a.contractorCompany().strip().length() <= 100,
				"请填写装修企业名称（最多 100 个字）");
		require(present(a.contractorLicence()) && a.contractorLicence().strip().length() <= 50,
				"请填写装修企业资质证书编号（最多 50 个字）");
		checkName(a.contractorPerson(), "施工负责人姓名");
		require(PhoneNumbers.isValid(a.contractorPhone()), "施工负责人联系电话不正确（手机 11 位，或带区号的座机）");
		require(a.workers() != null && !a.workers().isEmpty(), "请至少登记一名施工人员（凭出入证进场）");
		require(a.workers().size() <= MAX_WORKERS, "施工人员最多登记 " + MAX_WORKERS + " 人");
		Set<String> idNumbers = new HashSet<>();
		for (Worker worker : a.workers()) {
			require(worker != null, "施工人员信息不能为空");
			checkName(worker.name(), "施工人员姓名");
			require(IdNumbers.isValid(worker.idNumber() == null ? null : worker.idNumber().strip().toUpperCase()),
					"施工人员“" + worker.name().strip() + "”的身份证号不正确（18 位，末位校验码须正确）");
			require(idNumbers.add(worker.idNumber().strip().toUpperCase()), "施工人员“" + worker.name().strip() + "”登记了两次");
			require(present(worker.trade()) && worker.trade().strip().length() <= 20,
					"请填写施工人员“" + worker.name().strip() + "”的工种（如 水电工、木工，最多 20 个字）");
		}
		require(a.plannedStart() != null && a.plannedEnd() != null, "请填写计划开工和竣工日期");
		require(!a.plannedEnd().isBefore(a.plannedStart()), "竣工日期不能早于开工日期");
		require(!a.plannedStart().isBefore(LocalDate.now(clock)), "开工日期不能早于今天：装修须先申报登记，再开工（第十三条）");
		require(ChronoUnit.DAYS.between(a.plannedStart(), a.plannedEnd()) < properties.maxWorksDays(),
				"装修工期最长 " + properties.maxWorksDays() + " 天；需要更久的，请在施工中申请延期");
		require(present(a.works()) && a.works().strip().length() <= 2000, "请填写装修内容（最多 2000 个字）");
		scopeOf(a);
	}

	private static Set<Scope> scopeOf(Application application) {
		Set<Scope> scope = EnumSet.noneOf(Scope.class);
		for (String name : application.scope() == null ? List.<String>of() : application.scope()) {
			scope.add(Arrays.stream(Scope.values())
				.filter(s -> s.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new BadInputException("装修范围“" + name + "”不存在，可选："
						+ Arrays.stream(Scope.values()).map(s -> s.name() + "（" + s.label() + "）").collect(Collectors.joining("、")))));
		}
		return scope;
	}

	private static void checkName(String name, String what) {
		require(present(name), "请填写" + what);
		require(name.strip().length() <= MAX_NAME, what + "最多 " + MAX_NAME + " 个字");
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	private static void require(boolean condition, String refusal) {
		if (!condition) {
			throw new BadInputException(refusal);
		}
	}

}
