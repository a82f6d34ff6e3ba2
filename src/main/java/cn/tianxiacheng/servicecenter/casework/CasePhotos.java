package cn.tianxiacheng.servicecenter.casework;

import java.util.List;

import cn.tianxiacheng.servicecenter.system.BadInputException;
import cn.tianxiacheng.servicecenter.system.BusinessRuleException;
import cn.tianxiacheng.servicecenter.system.NotFoundException;
import cn.tianxiacheng.servicecenter.system.Photos;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A repair's photos before and after the work, kept in the system's photo store under the case
 * and the estate of its unit. The groups that work cases see them; the cashier does not (a
 * home's inside is no business of the counter). Those who work repairs add them.
 */
@Component
class CasePhotos {

	static final StaffGroup[] READERS = { StaffGroup.RECEPTION, StaffGroup.ENGINEERING, StaffGroup.SECURITY,
			StaffGroup.CLEANING, StaffGroup.MANAGER, StaffGroup.DIRECTOR, StaffGroup.AUDITOR };

	static final StaffGroup[] TAKERS = { StaffGroup.ENGINEERING, StaffGroup.SECURITY, StaffGroup.CLEANING,
			StaffGroup.RECEPTION, StaffGroup.MANAGER };

	static final String REFUSAL = "您的岗位不能查看案件照片";

	private static final String KIND = "CASE";

	private final JdbcTemplate jdbc;

	private final Photos photos;

	CasePhotos(JdbcTemplate jdbc, Photos photos) {
		this.jdbc = jdbc;
		this.photos = photos;
	}

	/** What the case page's photo section shows: the photos by stage, and whether the viewer may add. */
	record Section(boolean visible, boolean mayAdd, List<Photos.Photo> before, List<Photos.Photo> after) {
	}

	/** The case page's section, called from its template. */
	public Section section(String caseNumber, Authentication viewer) {
		Staff staff = Staff.of(viewer);
		if (!staff.isIn(READERS)) {
			return new Section(false, false, List.of(), List.of());
		}
		Repair repair = repair(caseNumber, staff);
		List<Photos.Photo> all = photos.of(repair.owner());
		return new Section(true, repair.isRepair() && staff.isIn(TAKERS),
				all.stream().filter(p -> p.stage().equals(Stage.BEFORE.name())).toList(),
				all.stream().filter(p -> p.stage().equals(Stage.AFTER.name())).toList());
	}

	enum Stage {

		BEFORE("维修前照片"), AFTER("维修后照片");

		private final String field;

		Stage(String field) {
			this.field = field;
		}

	}

	@Transactional
	void add(String caseNumber, String stage, List<Photos.Upload> uploads, Staff staff) {
		staff.require("只有处理报修的岗位可以上传维修照片", TAKERS);
		Stage shown;
		try {
			shown = Stage.valueOf(stage == null ? "" : stage);
		}
		catch (IllegalArgumentException ex) {
			throw new BadInputException("“照片类别”只能是维修前或维修后");
		}
		Repair repair = repair(caseNumber, staff);
		if (!repair.isRepair()) {
			throw new BusinessRuleException("只有报修案件可以上传维修照片：" + caseNumber);
		}
		Photos.Checked checked = photos.check(shown.field, repair.owner(), uploads);
		if (checked.isEmpty()) {
			throw new BadInputException("请在“" + shown.field + "”中选择要上传的照片");
		}
		photos.keep(repair.owner(), shown.name(), null, checked, staff);
	}

	Photos.Image image(String caseNumber, long photoId, Staff viewer) {
		viewer.require(REFUSAL, READERS);
		return photos.image(repair(caseNumber, viewer).owner(), photoId).orElseThrow(() -> new NotFoundException("照片不存在"));
	}

	private record Repair(Photos.Owner owner, String type) {

		boolean isRepair() {
			return CaseType.SERVICE_REQUEST.name().equals(type);
		}

	}

	/** The case in the staff member's estate: one of another estate answers as one that does not exist. */
	private Repair repair(String caseNumber, Staff staff) {
		return jdbc.query("""
				select a.estate_id, c.type from service_case c join unit_address a on a.unit_id = c.unit_id
				 where c.case_number = ? and a.estate_id = ?""",
				(rs, i) -> new Repair(new Photos.Owner(KIND, caseNumber, rs.getLong(1)), rs.getString(2)), caseNumber,
				staff.estateId())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("案件不存在：" + caseNumber));
	}

}
