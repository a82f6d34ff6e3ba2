package cn.tianxiacheng.servicecenter.estate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.tianxiacheng.servicecenter.estate.HouseholdCsv.Arrival;
import cn.tianxiacheng.servicecenter.estate.HouseholdCsv.Known;
import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings an estate's owners, household members, tenants or vehicles from another system into its
 * units, one CSV file of one kind at a time ({@link HouseholdCsv}), all or nothing, through the
 * estate's write path ({@link Households}); each import is kept in {@code estate_import} beside the
 * estates' own. The administrator's work; a repeated request answers with the first one's import.
 */
@Component
class HouseholdImports {

	static final String REFUSAL = "只有系统管理员可以导入住户";

	private static final String OF_THE_ESTATE = " join unit u on u.id = h.unit_id join building b on b.id = u.building_id"
			+ " where b.estate_id = ?";

	private final Households households;

	private final JdbcTemplate jdbc;

	private final RequestOnce requestOnce;

	private final EstateImportRecords records;

	HouseholdImports(Households households, JdbcTemplate jdbc, RequestOnce requestOnce, EstateImportRecords records) {
		this.households = households;
		this.jdbc = jdbc;
		this.requestOnce = requestOnce;
		this.records = records;
	}

	/** Which estate, which kind, as the administrator chose them. */
	record HouseholdImport(String requestId, String estateCode, HouseholdKind kind) {
	}

	/** Adds every line of the file to the estate, or nothing; the import's id. */
	long bringIn(HouseholdImport request, String fileName, byte[] file, Staff staff) {
		staff.require(REFUSAL, StaffGroup.ADMIN);
		return requestOnce.apply(() -> bringInOnce(request, fileName, file, staff));
	}

	private long bringInOnce(HouseholdImport request, String fileName, byte[] file, Staff staff) {
		Optional<Long> earlier = records.earlier(request.requestId());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		long estateId = records.estateId(request.estateCode());
		HouseholdKind kind = request.kind();
		String keptName = EstateImportRecords.keptFileName(fileName, file, "请选择" + kind.label() + "的 CSV 或 Excel 文件");
		List<Arrival> arrivals;
		try {
			arrivals = HouseholdCsv.read(kind, file, new Known(units(estateId), taken(kind, estateId)));
		}
		catch (BadInputException refused) {
			// a copy of this request committed meanwhile, and its rows are now "already registered"
			return records.earlier(request.requestId()).orElseThrow(() -> refused);
		}
		// the record first: a copy of this request sent at the same moment meets its unique request id (and
		// tries again, finding this import) before it meets the plates and people this one writes
		long id = records.keep(request.requestId(), estateId, kind.name(), keptName, arrivals.size(), staff);
		households.bringIn(arrivals);
		return id;
	}

	private Map<String, Long> units(long estateId) {
		Map<String, Long> units = new HashMap<>();
		jdbc.query("select u.number, u.id from unit u join building b on b.id = u.building_id where b.estate_id = ?",
				rs -> {
					units.put(rs.getString(1), rs.getLong(2));
				}, estateId);
		return units;
	}

	/** What the kind may not bring again, as {@link Known} says. */
	private Set<String> taken(HouseholdKind kind, long estateId) {
		List<String> taken = switch (kind) {
			case OWNER -> jdbc.queryForList("select distinct cast(h.unit_id as varchar(20)) from owner h" + OF_THE_ESTATE,
					String.class, estateId);
			case RESIDENT -> jdbc.query("select h.unit_id, h.name from resident h" + OF_THE_ESTATE,
					(rs, i) -> rs.getLong(1) + "/" + rs.getString(2), estateId);
			case TENANT -> jdbc.query("select h.unit_id, h.id_number from tenant h" + OF_THE_ESTATE,
					(rs, i) -> rs.getLong(1) + "/" + rs.getString(2), estateId);
			case VEHICLE -> jdbc.queryForList("select plate_number from vehicle", String.class); // unique in every estate
		};
		return new HashSet<>(taken);
	}

}
