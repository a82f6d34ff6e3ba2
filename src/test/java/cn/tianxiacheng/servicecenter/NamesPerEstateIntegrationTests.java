package cn.tianxiacheng.servicecenter;

import static cn.tianxiacheng.servicecenter.StaffApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.tianxiacheng.servicecenter.archive.OwnerArchives;

/**
 * Names and numbers are unique in their estate, not across the deployment: another estate names a
 * route and a piece of equipment as 天下城 does, and keeps an archive of a unit numbered as one of
 * 天下城's, each estate seeing its own; a plate is the deployment's once, and another estate's staff
 * who register it again are refused in Chinese without learning whose it is.
 */
@IntegrationTest
class NamesPerEstateIntegrationTests extends TwinUnitsTestSupport {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	OwnerArchives archives;

	@Test
	void shouldLetTwoEstatesNameARouteAndEquipmentAlikeEachSeeingItsOwn() {
		long txc = jdbc.queryForObject("select id from estate where code = 'TXC'", Long.class);
		String route = "同名路线-" + UUID.randomUUID().toString().substring(0, 8);
		String equipment = "同名设备-" + UUID.randomUUID().toString().substring(0, 8);
		String ourRound = round(route, txc);
		String theirRound = round(route, other.estate().id());
		equipment(equipment, "天下城机房" + ourRound, txc);
		equipment(equipment, "外项目机房" + theirRound, other.estate().id());

		WebSession ours = WebSession.loggedIn(port, "engineer");
		WebSession theirs = WebSession.loggedIn(port, other.engineer());
		assertThat(ours.get("/rounds").body()).contains(ourRound).doesNotContain(theirRound);
		assertThat(theirs.get("/rounds").body()).contains(theirRound, route).doesNotContain(ourRound);
		assertThat(ours.get("/equipment").body()).contains("天下城机房" + ourRound).doesNotContain("外项目机房" + theirRound);
		assertThat(theirs.get("/equipment").body()).contains(equipment, "外项目机房" + theirRound)
			.doesNotContain("天下城机房" + ourRound);
	}

	@Test
	void shouldNumberTheArchivesOfTwoUnitsNumberedAlikeEachWithItsEstatesCode() {
		long ourArchive = archives.create(twins.occupiedInTianxiacheng(), twins.occupied(), null, List.of(), "test");
		long theirArchive = archives.create(twins.occupiedInOther(), twins.occupied(), null, List.of(), "test");

		assertThat(archiveNumber(ourArchive)).startsWith("TXC-DA-" + twins.occupied() + "-");
		assertThat(archiveNumber(theirArchive)).startsWith(other.estate().code() + "-DA-" + twins.occupied() + "-");
	}

	@Test
	void shouldRefuseAPlateOfAnotherEstateInChineseWithoutNamingItsUnit() {
		Map<String, Object> vehicle = jdbc.queryForMap("""
				select v.plate_number, u.unit_number from vehicle v join unit_address u on u.unit_id = v.unit_id
				 where u.estate_id = (select id from estate where code = 'TXC') order by v.id fetch first 1 rows only""");
		String plate = (String) vehicle.get("plate_number");
		int moveIns = jdbc.queryForObject("select count(*) from move_in", Integer.class);

		ResponseEntity<Map<String, Object>> refused = call(rest, other.receptionist(), HttpMethod.POST, "/api/move-ins",
				"{\"requestId\":\"" + UUID.randomUUID() + "\",\"unitNumber\":\"" + twins.vacant()
						+ "\",\"contractNumber\":\"HT-2026-0902\",\"owners\":[{\"name\":\"欧阳明\",\"idNumber\":"
						+ "\"11010519900307451X\",\"phone\":\"13611112222\"}],\"vehicles\":[{\"plateNumber\":\"" + plate
						+ "\",\"model\":\"大众\",\"color\":\"白\"}]}");

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(String.valueOf(refused.getBody().get("detail"))).contains("车牌 " + plate + " 已登记");
		assertThat(String.valueOf(refused.getBody())).doesNotContain((String) vehicle.get("unit_number"), "天下城");
		assertThat(jdbc.queryForObject("select count(*) from move_in", Integer.class)).isEqualTo(moveIns);
	}

	/** A route of the estate with one checkpoint and a round of it today; the round's number. */
	private String round(String route, long estateId) {
		jdbc.update("insert into inspection_route (name, duty_group, active, estate_id) values (?, 'engineering', false, ?)",
				route, estateId);
		long routeId = jdbc.queryForObject("select id from inspection_route where name = ? and estate_id = ?", Long.class,
				route, estateId);
		jdbc.update("""
				insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
				       case_category) values (?, 1, '配电室', 'EQUIPMENT', '地下一层', '电压正常', '1-1-101', '水电维修')""",
				routeId);
		LocalDate today = LocalDate.now(ZONE);
		String number = "XC-N" + routeId;
		jdbc.update("""
				insert into inspection_round (round_number, route_id, round_date, shift, starts_at, ends_at, status, estate_id)
				values (?, ?, ?, 'MORNING', ?, ?, 'PLANNED', ?)""", number, routeId, Date.valueOf(today),
				Timestamp.from(today.atStartOfDay(ZONE).toInstant()),
				Timestamp.from(today.plusDays(1).atStartOfDay(ZONE).toInstant()), estateId);
		return number;
	}

	private void equipment(String name, String location, long estateId) {
		jdbc.update("""
				insert into equipment (name, kind, location, contractor, cadence_days, in_service_since, estate_id)
				values (?, 'ELEVATOR', ?, '维保公司', 15, ?, ?)""", name, location,
				Date.valueOf(LocalDate.now(ZONE).minusYears(1)), estateId);
	}

	private String archiveNumber(long archiveId) {
		return jdbc.queryForObject("select archive_number from owner_archive where id = ?", String.class, archiveId);
	}

}
