package cn.tianxiacheng.servicecenter.archive;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import cn.tianxiacheng.servicecenter.estate.Households;
import cn.tianxiacheng.servicecenter.estate.Households.Person;
import cn.tianxiacheng.servicecenter.estate.PersonalDataMask;
import cn.tianxiacheng.servicecenter.estate.PersonalDataPolicy;
import cn.tianxiacheng.servicecenter.fee.MeterReadings;
import cn.tianxiacheng.servicecenter.system.CrossSiteReads;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 业主档案: one archive per owner household and unit: the owners' and household's data, the
 * documents received and where the paper is kept, the meter readings, and every later change.
 * Personal data is shown in clear only under an approved access, and every such read is logged.
 */
@Service
public class OwnerArchives {

	public record Document(String type, String number, LocalDate receivedOn, String location) {
	}

	/** A change as recorded, with the words staff read: the field, the people by name, the state. */
	record ChangeView(String field, String oldValue, String newValue, String changedBy, Timestamp changedAt,
			String approvedBy, String status, String fieldLabel, String changedByName, String approvedByName,
			String statusLabel) {
	}

	private static final Map<String, String> CHANGE_STATES = Map.of("PENDING", "待经理审批", "APPLIED", "已生效",
			"APPROVED", "已批准并生效", "REJECTED", "未批准");

	record ReadingView(String meter, String meterLabel, String reading, LocalDate readOn) {
	}

	private static final Map<String, String> METERS = Map.of("WATER", "水表", "ELECTRICITY", "电表", "GAS", "燃气表");

	record ArchiveView(long id, String archiveNumber, long unitId, String unitNumber, boolean inClear, Long accessId,
			List<Person> people, List<Document> documents, List<ReadingView> meterReadings,
			List<ChangeView> changes) {
	}

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert archiveInsert;

	private final ArchiveAccesses accesses;

	private final PersonalDataPolicy personalData;

	private final MeterReadings meterReadings;

	private final Households households;

	private final StaffNames staffNames;

	private final EstateRepository estates;

	private final Clock clock;

	OwnerArchives(JdbcTemplate jdbc, ArchiveAccesses accesses, PersonalDataPolicy personalData,
			MeterReadings meterReadings, Households households, StaffNames staffNames, EstateRepository estates,
			Clock clock) {
		this.staffNames = staffNames;
		this.estates = estates;
		this.jdbc = jdbc;
		this.archiveInsert = new SimpleJdbcInsert(jdbc).withTableName("owner_archive").usingGeneratedKeyColumns("id");
		this.accesses = accesses;
		this.personalData = personalData;
		this.meterReadings = meterReadings;
		this.households = households;
		this.clock = clock;
	}

	/**
	 * Creates the archive of a unit's new owners with the documents received at move-in, numbered
	 * {@code TXC-DA-3-2-1501-01}: the estate's code, as two estates may number a unit alike.
	 */
	@Transactional
	public long create(long unitId, String unitNumber, Long moveInId, List<Document> documents, String createdBy) {
		int previous = jdbc.queryForObject("select count(*) from owner_archive where unit_id = ?", Integer.class, unitId);
		String estateCode = estates.findByUnitId(unitId).orElseThrow().getCode();
		Map<String, Object> row = new HashMap<>();
		row.put("archive_number", "%s-DA-%s-%02d".formatted(estateCode, unitNumber, previous + 1));
		row.put("unit_id", unitId);
		row.put("move_in_id", moveInId);
		row.put("created_by", createdBy);
		row.put("created_at", Timestamp.from(clock.instant()));
		long archiveId = archiveInsert.executeAndReturnKey(row).longValue();
		for (Document document : documents) {
			insertDocument(archiveId, document);
		}
		return archiveId;
	}

	private void insertDocument(long archiveId, Document document) {
		jdbc.update("insert into archive_document (archive_id, type, number, received_on, location) values (?, ?, ?, ?, ?)",
				archiveId, document.type(), document.number(), Date.valueOf(document.receivedOn()), document.location());
	}

	/**
	 * Files documents of a later case (a decoration…) in the unit's current archive, created when
	 * the unit has none yet.
	 */
	@Transactional
	public void file(long unitId, String unitNumber, List<Document> documents, String filedBy) {
		Long current = jdbc.queryForObject("select max(id) from owner_archive where unit_id = ?", Long.class, unitId);
		long archiveId = current != null ? current : create(unitId, unitNumber, null, List.of(), filedBy);
		for (Document document : documents) {
			insertDocument(archiveId, document);
		}
	}

	/** The current archive of the estate's unit: a unit of another estate has none. */
	long ofUnit(long unitId, long estateId) {
		return jdbc.query("""
				select max(a.id) from owner_archive a join unit_address u on u.unit_id = a.unit_id
				 where a.unit_id = ? and u.estate_id = ?""", (rs, i) -> rs.getObject(1, Long.class), unitId, estateId)
			.stream()
			.filter(id -> id != null)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("该房屋尚无业主档案"));
	}

	/**
	 * The archive as the viewer may see it: in clear under an approved access (and the read is
	 * logged), masked otherwise. An archive of another estate is not found.
	 */
	@Transactional
	ArchiveView read(long archiveId, Authentication viewer) {
		Staff staff = Staff.of(viewer);
		Map<String, Object> archive = jdbc.queryForList("""
				select a.id, a.archive_number, a.unit_id, u.unit_number
				  from owner_archive a join unit_address u on u.unit_id = a.unit_id
				 where a.id = ? and u.estate_id = ?""", archiveId, staff.estateId()).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("业主档案不存在：编号 " + archiveId));
		Long accessId = accesses.activeGrant(archiveId, staff.id()).orElse(null);
		boolean inClear = accessId != null && !CrossSiteReads.isCrossSite();
		PersonalDataMask mask = inClear ? new PersonalDataMask(true, true, true) : personalData.forList(staff);
		if (inClear) {
			jdbc.update("insert into archive_read_log (archive_id, access_id, read_by, read_at) values (?, ?, ?, ?)",
					archiveId, accessId, staff.id(), Timestamp.from(clock.instant()));
			personalData.logClearRead(staff, "ARCHIVE", archive.get("archive_number"), "id_number,phone",
					"档案查阅 " + ArchiveAccessProcess.businessKey(accessId) + "：" + accesses.byId(accessId).reason());
		}
		long unitId = ((Number) archive.get("unit_id")).longValue();
		List<Person> people = households.people(unitId, mask);
		List<Document> documents = jdbc.query(
				"select type, number, received_on, location from archive_document where archive_id = ? order by id",
				(rs, i) -> new Document(rs.getString(1), mask.idNumber(rs.getString(2)), rs.getDate(3).toLocalDate(),
						rs.getString(4)),
				archiveId);
		List<ReadingView> readings = meterReadings.ofUnit(unitId)
			.stream()
			.map(r -> new ReadingView(r.meter(), METERS.getOrDefault(r.meter(), r.meter()), r.reading().toPlainString(),
					r.readOn()))
			.toList();
		List<ChangeView> changes = jdbc.query("""
				select field, old_value, new_value, changed_by, changed_at, approved_by, status from archive_change
				 where archive_id = ? order by id""", (rs, i) -> new ChangeView(rs.getString(1),
				inClear ? rs.getString(2) : masked(rs.getString(1), rs.getString(2)),
				inClear ? rs.getString(3) : masked(rs.getString(1), rs.getString(3)), rs.getString(4),
				rs.getTimestamp(5), rs.getString(6), rs.getString(7), ArchiveChanges.Field.valueOf(rs.getString(1)).label,
				staffNames.of(rs.getString(4)), staffNames.of(rs.getString(6)),
				CHANGE_STATES.getOrDefault(rs.getString(7), rs.getString(7))), archiveId);
		return new ArchiveView(archiveId, (String) archive.get("archive_number"), unitId,
				(String) archive.get("unit_number"), inClear, accessId, people, documents, readings, changes);
	}

	private static String masked(String field, String value) {
		return switch (field) {
			case "ID_NUMBER" -> PersonalDataMask.maskIdNumber(value);
			case "PHONE", "ALTERNATE_PHONE" -> PersonalDataMask.maskPhone(value);
			case "NAME" -> PersonalDataMask.maskName(value);
			default -> value;
		};
	}

}
