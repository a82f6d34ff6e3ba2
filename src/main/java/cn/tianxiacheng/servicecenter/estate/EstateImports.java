package cn.tianxiacheng.servicecenter.estate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.tianxiacheng.servicecenter.estate.EstateCsv.BuildingRow;
import cn.tianxiacheng.servicecenter.estate.EstateCsv.Contents;
import cn.tianxiacheng.servicecenter.estate.EstateCsv.UnitRow;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.ConflictException;
import cn.tianxiacheng.servicecenter.system.PlainText;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds an estate with its buildings and units from a CSV file ({@link EstateCsv}), all or nothing,
 * and keeps each import as a record: who imported which file into which estate, its lines and the
 * units it created, when. The administrator's work. A repeated request (the same {@code requestId})
 * answers with the first one's import.
 */
@Component
class EstateImports {

	static final String REFUSAL = "只有系统管理员可以添加小区";

	private static final String CODE = "[A-Z0-9]{2,6}";

	/**
	 * Codes that lead other keys (回访 HF-, 考核 KH-, 催缴 CJ-, 档案变更 BG-, 档案查阅 CY-, 押金抵扣 YJ-):
	 * a number led by one would read as such a key.
	 */
	private static final Set<String> RESERVED_CODES = Set.of("HF", "KH", "CJ", "BG", "CY", "YJ");

	private final EntityManager entityManager;

	private final EstateRepository estates;

	private final NamedParameterJdbcTemplate jdbc;

	private final RequestOnce requestOnce;

	private final EstateImportRecords records;

	private final EstateTenants tenants;

	private final ApplicationEventPublisher events;

	EstateImports(EntityManager entityManager, EstateRepository estates, NamedParameterJdbcTemplate jdbc,
			RequestOnce requestOnce, EstateImportRecords records, EstateTenants tenants,
			ApplicationEventPublisher events) {
		this.tenants = tenants;
		this.events = events;
		this.entityManager = entityManager;
		this.estates = estates;
		this.jdbc = jdbc;
		this.requestOnce = requestOnce;
		this.records = records;
	}

	/** The estate's head as the administrator typed it. */
	record NewEstate(String requestId, String name, String code, String address) {
	}

	/** An import as the estates page lists it. */
	record Imported(long id, String estateName, String estateCode, String kind, String fileName, int rows,
			int buildingsCreated, int unitsCreated, String importedBy, Instant importedAt) {

		public String kindLabel() {
			return HouseholdKind.labelOf(kind);
		}

		public boolean ofUnits() {
			return "UNITS".equals(kind);
		}

	}

	/** Adds the estate with every unit of the file, or nothing; the import's id. */
	long add(NewEstate estate, String fileName, byte[] file, Staff staff) {
		staff.require(REFUSAL, StaffGroup.ADMIN);
		return requestOnce.apply(() -> addOnce(estate, fileName, file, staff));
	}

	private long addOnce(NewEstate head, String fileName, byte[] file, Staff staff) {
		Optional<Long> earlier = records.earlier(head.requestId());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		String name = head.name().strip();
		String code = head.code().strip();
		String address = head.address().strip();
		PlainText.check("小区名称", name);
		PlainText.check("小区地址", address);
		if (!code.matches(CODE)) {
			throw new BadInputException("小区代码须为 2–6 位大写字母或数字，如 TXC");
		}
		if (RESERVED_CODES.contains(code)) {
			throw new BadInputException("小区代码不能是 BG、CJ、CY、HF、KH、YJ：这些是其他业务编号的开头");
		}
		refuseTaken("code", code, "小区代码 " + code + " 已被");
		refuseTaken("name", name, "小区名称“" + name + "”已被");
		String keptName = EstateImportRecords.keptFileName(fileName, file, "请选择楼栋和房屋的 CSV 或 Excel 文件");
		Contents contents = EstateCsv.read(file);
		// through the repository, so that a copy of this request sent at the same moment meets the unique
		// code as the DataIntegrityViolationException that RequestOnce answers
		Estate estate = estates.saveAndFlush(new Estate(name, code, address));
		tenants.ensure(estate.ref());
		Map<Integer, Building> buildings = new HashMap<>();
		for (BuildingRow row : contents.buildings().values()) {
			Building building = new Building(estate, row.number(), row.name(), row.entrances(), row.floors());
			entityManager.persist(building);
			buildings.put(row.number(), building);
		}
		for (UnitRow row : contents.units()) {
			entityManager.persist(new Unit(buildings.get(row.building()), row.number(), row.entrance(), row.floor(),
					row.areaM2(), row.type()));
		}
		entityManager.flush();
		events.publishEvent(new EstateAdded(estate.getId(), estate.getCode()));
		return records.keep(head.requestId(), estate.getId(), "UNITS", keptName, contents.units().size(),
				buildings.size(), contents.units().size(), staff);
	}

	private void refuseTaken(String column, String value, String refusal) {
		List<String> holders = jdbc.queryForList("select name from estate where " + column + " = :value",
				Map.of("value", value), String.class);
		if (!holders.isEmpty()) {
			throw new ConflictException(refusal + "“" + holders.get(0) + "”使用");
		}
	}

	/** An estate as the estates page lists it, with how many buildings and units it has. */
	record EstateSummary(String name, String code, String address, String timeZone, int buildings, int units,
			String gates, String officeHours, String worksHours) {

		public String zoneLabel() {
			return EstateZoneChoices.label(timeZone);
		}

	}

	List<EstateSummary> estates() {
		return jdbc.query("""
				select e.name, e.code, e.address, e.time_zone,
				       (select count(*) from building b where b.estate_id = e.id),
				       (select count(*) from unit u join building b on b.id = u.building_id where b.estate_id = e.id),
				       e.gates, e.office_hours, e.works_hours
				  from estate e order by e.id""", (rs, n) -> new EstateSummary(rs.getString(1), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8),
				rs.getString(9)));
	}

	/** Every import, newest first. */
	List<Imported> all() {
		return imports("", Map.of());
	}

	Optional<Imported> one(long id) {
		return imports("where i.id = :id", Map.of("id", id)).stream().findFirst();
	}

	private List<Imported> imports(String where, Map<String, Object> parameters) {
		return jdbc.query("""
				select i.id, e.name, e.code, i.kind, i.file_name, i.data_rows, i.buildings_created, i.units_created, i.imported_by,
				       i.imported_at
				  from estate_import i join estate e on e.id = i.estate_id %s
				 order by i.imported_at desc, i.id desc""".formatted(where), parameters, (rs, n) -> new Imported(
				rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
				rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant()));
	}

}
