package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one photo store: the photos of a record (a repair's before and after, a decoration's
 * violation or patrol, a round's abnormal checkpoint, an activity), kept in the application's
 * table {@code record_photo} with the estate of the record, never in the engine. Only JPEG, PNG
 * and WebP images are taken, recognised by their first bytes whatever the file's name or the
 * browser say; each at most {@code servicecenter.photos.max-size}, at most
 * {@code max-per-record} a record. A refusal is a 400 naming the field, before anything is kept.
 * Who may see or add the photos is the owning package's rule.
 */
@Service
@NamedInterface("pages")
public class Photos {

	private final JdbcTemplate jdbc;

	private final PhotoProperties limits;

	private final Clock clock;

	Photos(JdbcTemplate jdbc, PhotoProperties limits, Clock clock) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.clock = clock;
	}

	/** The record photos belong to: its kind ({@code CASE}), number and estate. */
	@NamedInterface("pages")
	public record Owner(String kind, String key, long estateId) {
	}

	/** A photo as uploaded: its name, and its bytes. */
	@NamedInterface("pages")
	public record Upload(String fileName, byte[] data) {
	}

	/** A photo kept: what it shows, of which item, by whom and when. */
	@NamedInterface("pages")
	public record Photo(long id, String stage, Long itemId, String fileName, String contentType, int size,
			String uploadedBy, Instant uploadedAt) {
	}

	/** A photo's bytes, served only to who may see its record. */
	@NamedInterface("pages")
	public record Image(String contentType, byte[] data) {

		public ResponseEntity<byte[]> response() {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(contentType))
				.cacheControl(CacheControl.noCache().cachePrivate())
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
				.header("X-Content-Type-Options", "nosniff")
				.body(data);
		}

	}

	/** Uploads checked and ready to keep. */
	@NamedInterface("pages")
	public static final class Checked {

		private final List<Upload> uploads;

		private Checked(List<Upload> uploads) {
			this.uploads = uploads;
		}

		public boolean isEmpty() {
			return uploads.isEmpty();
		}

	}

	/** The files of a form, empty ones (a file field left alone) skipped. */
	public static List<Upload> uploads(List<MultipartFile> files) {
		List<Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (file.isEmpty()) {
				continue;
			}
			try {
				uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return uploads;
	}

	/**
	 * Checks the photos of the field {@code field} for the record: each an image by content and
	 * within the size, all within the record's number; refuses (400, naming the field) otherwise.
	 */
	public Checked check(String field, Owner owner, List<Upload> uploads) {
		long maxSize = limits.maxSize().toBytes();
		List<Upload> checked = uploads.stream().filter(upload -> upload.data().length > 0).map(uploaded -> {
			String fileName = PlainText.fileName(uploaded.fileName());
			String name = fileName == null ? "照片" : fileName;
			if (uploaded.data().length > maxSize) {
				throw new BadInputException("“" + field + "”中的“" + name + "”超过 "
						+ DataSize.ofBytes(maxSize).toMegabytes() + " MB，请压缩后上传");
			}
			if (imageType(uploaded.data()) == null) {
				throw new BadInputException("“" + field + "”中的“" + name + "”不是 JPEG、PNG 或 WebP 图片，请选择照片");
			}
			return new Upload(name.length() > 200 ? name.substring(name.length() - 200) : name, uploaded.data());
		}).toList();
		int kept = count(owner);
		if (kept + checked.size() > limits.maxPerRecord()) {
			throw new BadInputException("“" + field + "”：每条记录最多保存 " + limits.maxPerRecord() + " 张照片，已有 " + kept
					+ " 张");
		}
		return new Checked(checked);
	}

	/** Keeps checked photos of the record, showing {@code stage} (of the item, if any). */
	public void keep(Owner owner, String stage, Long itemId, Checked photos, Staff staff) {
		for (Upload photo : photos.uploads) {
			jdbc.update("""
					insert into record_photo (estate_id, record_kind, record_key, stage, item_id, file_name, content_type,
					                          size_bytes, data, uploaded_by, uploaded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", owner.estateId(), owner.kind(), owner.key(), stage, itemId,
					photo.fileName(), imageType(photo.data()), photo.data().length, photo.data(), staff.id(),
					Timestamp.from(clock.instant()));
		}
	}

	public int count(Owner owner) {
		return jdbc.queryForObject("""
				select count(*) from record_photo where record_kind = ? and record_key = ? and estate_id = ?""",
				Integer.class, owner.kind(), owner.key(), owner.estateId());
	}

	/** How many photos each record of a kind keeps, by the record's key; records without photos are not named. */
	public Map<String, Integer> counts(String kind, long estateId) {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.query("""
				select record_key, count(*) from record_photo where record_kind = ? and estate_id = ? group by record_key""",
				rs -> {
					counts.put(rs.getString(1), rs.getInt(2));
				}, kind, estateId);
		return counts;
	}

	/** The record's photos in the order they were kept. */
	public List<Photo> of(Owner owner) {
		return jdbc.query("""
				select id, stage, item_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at from record_photo
				 where record_kind = ? and record_key = ? and estate_id = ? order by id""",
				(rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
						rs.getString(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant()),
				owner.kind(), owner.key(), owner.estateId());
	}

	/** A photo's bytes, when it belongs to the record. */
	public Optional<Image> image(Owner owner, long photoId) {
		return jdbc.query("""
				select content_type, data from record_photo
				 where id = ? and record_kind = ? and record_key = ? and estate_id = ?""",
				(rs, i) -> new Image(rs.getString(1), rs.getBytes(2)), photoId, owner.kind(), owner.key(),
				owner.estateId()).stream().findFirst();
	}

	/** The image type by the file's first bytes, whatever its name or the browser say. */
	static String imageType(byte[] data) {
		if (data.length > 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if (data.length > 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
			return "image/png";
		}
		if (data.length > 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F' && data[8] == 'W'
				&& data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

}
