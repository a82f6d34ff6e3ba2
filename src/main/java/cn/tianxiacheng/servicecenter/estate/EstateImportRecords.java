package cn.tianxiacheng.servicecenter.estate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.PlainText;
import cn.tianxiacheng.servicecenter.system.RequestOnce;
import cn.tianxiacheng.servicecenter.system.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The record of what was imported into an estate ({@code estate_import}): by whom, when, from which
 * file, how many lines, of which kind; kept alike for the estate's units, its households and (by
 * the fee module) its opening balances. An import's request id finds the import it made.
 */
@Component
public class EstateImportRecords {

	/** The kind of an import of an estate's opening balances (the fee module's). */
	public static final String OPENING_BALANCES = "BALANCES";

	private final JdbcTemplate jdbc;

	private final SimpleJdbcInsert insert;

	private final RequestOnce requestOnce;

	private final Clock clock;

	EstateImportRecords(JdbcTemplate jdbc, RequestOnce requestOnce, Clock clock) {
		this.jdbc = jdbc;
		this.insert = new SimpleJdbcInsert(jdbc).withTableName("estate_import").usingGeneratedKeyColumns("id");
		this.requestOnce = requestOnce;
		this.clock = clock;
	}

	/** The import an earlier request with this id made, if there was one. */
	public Optional<Long> earlier(String requestId) {
		return requestOnce.earlier(requestId, "select id from estate_import where request_id = ?",
				(rs, i) -> rs.getLong(1));
	}

	/** The id of the estate with the code; refused in Chinese when there is none. */
	public long estateId(String code) {
		return jdbc.queryForList("select id from estate where code = ?", Long.class, code)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BadInputException("小区：没有代码为 " + code + " 的小区"));
	}

	/**
	 * Keeps the import of {@code rows} data lines of the kind ({@code UNITS}, a {@link HouseholdKind},
	 * {@code BALANCES}) from the file into the estate; its id.
	 */
	public long keep(String requestId, long estateId, String kind, String fileName, int rows, Staff staff) {
		return keep(requestId, estateId, kind, fileName, rows, 0, 0, staff);
	}

	long keep(String requestId, long estateId, String kind, String fileName, int rows, int buildingsCreated,
			int unitsCreated, Staff staff) {
		Map<String, Object> record = new HashMap<>();
		record.put("request_id", requestId);
		record.put("estate_id", estateId);
		record.put("kind", kind);
		record.put("file_name", fileName);
		record.put("data_rows", rows);
		record.put("buildings_created", buildingsCreated);
		record.put("units_created", unitsCreated);
		record.put("imported_by", staff.id());
		record.put("imported_at", Timestamp.from(clock.instant()));
		return insert.executeAndReturnKey(record).longValue();
	}

	/** An upload's content; none when no file was sent, which {@link #keptFileName} refuses. */
	public static byte[] bytes(MultipartFile file) {
		try {
			return file == null ? new byte[0] : file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file's name as the record keeps it; a missing file is refused with {@code missing}. */
	public static String keptFileName(String fileName, byte[] file, String missing) {
		String keptName = PlainText.fileName(fileName);
		if (file == null || file.length == 0 || keptName == null) {
			throw new BadInputException(missing);
		}
		if (keptName.length() > 200) {
			throw new BadInputException("文件名最多 200 个字，请重命名后再上传");
		}
		return keptName;
	}

}
