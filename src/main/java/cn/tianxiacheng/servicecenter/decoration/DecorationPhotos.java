package cn.tianxiacheng.servicecenter.decoration;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of a decoration's violations and patrols, taken with the record they show and kept
 * with it or not at all, in the system's photo store under the decoration and the estate of its
 * unit. Those who deal with decorations see them; the cashier and cleaning do not.
 */
@Service
class DecorationPhotos {

	static final StaffGroup[] READERS = { StaffGroup.RECEPTION, StaffGroup.ENGINEERING, StaffGroup.SECURITY,
			StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.AUDITOR };

	private static final String KIND = "DECORATION";

	private final JdbcTemplate jdbc;

	private final Photos photos;

	private final DecorationPatrols patrols;

	private final DecorationViolations violations;

	DecorationPhotos(JdbcTemplate jdbc, Photos photos, DecorationPatrols patrols, DecorationViolations violations) {
		this.jdbc = jdbc;
		this.photos = photos;
		this.patrols = patrols;
		this.violations = violations;
	}

	@Transactional
	void reportViolation(String number, String source, String complaintCase, String description, boolean serious,
			LocalDate rectifyBy, List<Photos.Upload> uploads, Staff staff) {
		staff.require("只有工程部和秩序维护部可以登记违章", StaffGroup.ENGINEERING, StaffGroup.SECURITY);
		Photos.Owner owner = owner(number, staff);
		Photos.Checked checked = photos.check("违章照片", owner, uploads);
		long violationId = violations.reportViolation(number, source, complaintCase, description, serious, rectifyBy,
				staff);
		photos.keep(owner, "VIOLATION", violationId, checked, staff);
	}

	@Transactional
	void recordPatrol(String number, Set<ChecklistItem> failedItems, String notes, List<Photos.Upload> uploads,
			Staff staff) {
		staff.require("只有秩序维护部可以登记巡查", StaffGroup.SECURITY);
		Photos.Owner owner = owner(number, staff);
		Photos.Checked checked = photos.check("巡查照片", owner, uploads);
		patrols.recordPatrol(number, failedItems, notes, staff);
		photos.keep(owner, "PATROL", null, checked, staff);
	}

	/** The decoration's photos for its page; none for whom may not see them. */
	List<Photos.Photo> of(String number, Staff viewer) {
		return viewer.isIn(READERS) ? photos.of(owner(number, viewer)) : List.of();
	}

	Photos.Image image(String number, long photoId, Staff viewer) {
		viewer.require("您的岗位不能查看装修照片", READERS);
		return photos.image(owner(number, viewer), photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
	}

	/** The decoration's photos of the staff member's estate: another estate's are unknown to them. */
	private Photos.Owner owner(String number, Staff staff) {
		return jdbc.query("""
				select a.estate_id from decoration d join unit_address a on a.unit_id = d.unit_id
				 where d.decoration_number = ? and a.estate_id = ?""",
				(rs, i) -> new Photos.Owner(KIND, number, rs.getLong(1)), number, staff.estateId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("装修登记不存在：" + number));
	}

}
