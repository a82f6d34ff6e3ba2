package cn.tianxiacheng.servicecenter.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.TestPhotos;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.WebSession.FilePart;
import cn.tianxiacheng.servicecenter.inspection.InspectionRounds.Route;
import cn.tianxiacheng.servicecenter.inspection.InspectionSchedule.Hours;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The guard photographs an abnormal checkpoint with the phone while recording it: the photo is
 * kept with the round, shown on its page to who sees rounds; a script renamed .jpg takes back
 * the whole record and its case, and reception (who does not see rounds) is refused the photo.
 */
@IntegrationTest
class RoundPhotoIntegrationTests extends IntegrationTestSupport {

	@Autowired
	InspectionRounds rounds;

	@Test
	void shouldKeepTheAbnormalCheckpointsPhotoOrNothingAtAll() {
		String number = round();
		List<Long> checkpoints = jdbc.queryForList("""
				select c.id from inspection_checkpoint c join inspection_round r on r.route_id = c.route_id
				 where r.round_number = ? order by c.position""", Long.class, number);
		WebSession guard = WebSession.loggedIn(port, "guard");
		int casesBefore = jdbc.queryForObject("select count(*) from service_case", Integer.class);

		HttpResponse<String> script = record(guard, number, checkpoints.get(0), "ABNORMAL", "门禁.jpg",
				TestPhotos.notAnImage());
		assertThat(script.statusCode()).isEqualTo(400);
		assertThat(script.body()).contains("“异常照片”中的“门禁.jpg”不是 JPEG、PNG 或 WebP 图片");
		assertThat(jdbc.queryForObject("select count(*) from service_case", Integer.class)).as("no case either")
			.isEqualTo(casesBefore);
		assertThat(recorded(number)).isZero();
		HttpResponse<String> tooLarge = record(guard, number, checkpoints.get(0), "ABNORMAL", "门禁.png",
				TestPhotos.large(6 * 1024 * 1024));
		assertThat(tooLarge.statusCode()).isEqualTo(400);
		assertThat(tooLarge.body()).contains("“异常照片”", "超过 5 MB");
		assertThat(record(guard, number, checkpoints.get(1), "NORMAL", "车库.png", TestPhotos.image("png", Color.BLUE))
			.statusCode()).as("a normal point takes no photo").isEqualTo(400);
		assertThat(recorded(number)).isZero();

		byte[] photo = TestPhotos.image("jpg", Color.DARK_GRAY);
		assertThat(record(guard, number, checkpoints.get(0), "ABNORMAL", "门禁.jpg", photo).statusCode()).isEqualTo(302);
		Map<String, Object> kept = jdbc.queryForMap(
				"select id, item_id, stage from record_photo where record_kind = 'ROUND' and record_key = ?", number);
		assertThat(kept).containsEntry("STAGE", "CHECKPOINT");
		assertThat(((Number) kept.get("ITEM_ID")).longValue()).isEqualTo(checkpoints.get(0));
		String path = "/rounds/" + number + "/photos/" + kept.get("ID");
		assertThat(WebSession.loggedIn(port, "manager").get("/rounds/" + number).body()).contains(path);
		HttpResponse<byte[]> served = WebSession.loggedIn(port, "auditor").getBytes(path);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(photo);
		assertThat(WebSession.loggedIn(port, "receptionist").getBytes(path).statusCode()).isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "cashier").getBytes(path).statusCode()).isEqualTo(403);
	}

	private HttpResponse<String> record(WebSession guard, String number, long checkpointId, String result, String fileName,
			byte[] data) {
		return guard.submitMultipart("/rounds/" + number, "/rounds/" + number + "/checkpoints/" + checkpointId,
				Map.of("result", result, "note", "东侧门禁无法关闭", "category", "公共设施", "urgency", "NORMAL"),
				List.of(new FilePart("photos", fileName, "image/jpeg", data)));
	}

	private int recorded(String number) {
		return jdbc.queryForObject("""
				select count(*) from inspection_record where round_id = (select id from inspection_round where round_number = ?)""",
				Integer.class, number);
	}

	/** A round of a route of its own, open all day. */
	private String round() {
		String name = "照片路线-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.update("insert into inspection_route (name, duty_group, active, estate_id)"
				+ " values (?, 'security', false, (select id from estate where code = 'TXC'))", name);
		long id = jdbc.queryForObject("select id from inspection_route where name = ?", Long.class, name);
		jdbc.update("""
				insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
				       case_category) values (?, 1, '照片大堂', 'COMMON_AREA', '1号楼一层', '门禁正常', '1-1-101', '公共设施'),
				                         (?, 2, '照片车库', 'COMMON_AREA', '地下一层', '无积水', '1-1-101', '停车')""", id, id);
		return rounds.open(new Route(id, name, "security", jdbc.queryForObject("select id from estate where code = \'TXC\'", Long.class)), LocalDate.now(ZoneId.of("Asia/Shanghai")), Shift.MORNING,
				new Hours(LocalTime.MIN, LocalTime.of(23, 59, 59)));
	}

}
