package cn.tianxiacheng.servicecenter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.tianxiacheng.servicecenter.system.EstateRef;
import cn.tianxiacheng.servicecenter.system.EstateTenants;
import cn.tianxiacheng.servicecenter.system.StaffGroup;

/**
 * A second estate for the tests of the estate boundary: one building of occupied units (numbers no
 * other estate uses), an owner in each, and its own staff, who work only there (password {@code demo}).
 */
public record OtherEstate(EstateRef estate, List<String> units, String receptionist, String cashier,
		String manager, String engineer) {

	private static final AtomicInteger BUILDINGS = new AtomicInteger(30000);

	private static final AtomicInteger REGIONALS = new AtomicInteger();

	public static OtherEstate create(JdbcTemplate jdbc, EstateTenants tenants, IdentityService identityService) {
		String code = "Q" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36).toUpperCase();
		int building = BUILDINGS.getAndIncrement();
		while (jdbc.queryForObject("select count(*) from unit where number like ?", Integer.class, building + "-%") > 0) {
			building = BUILDINGS.getAndIncrement();
		}
		jdbc.update("insert into estate (name, code, address) values (?, ?, ?)", "测试项目" + code, code, "测试路 9 号");
		long estateId = jdbc.queryForObject("select id from estate where code = ?", Long.class, code);
		jdbc.update("insert into building (estate_id, number, name, entrances, floors) values (?, ?, ?, 1, 2)",
				estateId, building, building + "号楼");
		long buildingId = jdbc.queryForObject("select id from building where estate_id = ?", Long.class, estateId);
		List<String> units = new ArrayList<>();
		for (int floor = 1; floor <= 2; floor++) {
			String number = "%d-1-%d01".formatted(building, floor);
			jdbc.update("""
					insert into unit (building_id, number, entrance, floor, area_m2, type, status)
					values (?, ?, 1, ?, 96.50, 'RESIDENTIAL', 'OCCUPIED')""", buildingId, number, floor);
			long unitId = jdbc.queryForObject("select id from unit where number = ? and building_id = ?", Long.class, number,
					buildingId);
			jdbc.update("insert into owner (unit_id, name, id_number, phone) values (?, '测试业主', '110105199001011234', ?)",
					unitId, "1390000" + (1000 + floor));
			units.add(number);
		}
		EstateRef estate = new EstateRef(estateId, code, "测试项目" + code);
		tenants.ensure(estate);
		String prefix = code.toLowerCase();
		return new OtherEstate(estate, units, staff(identityService, prefix + "reception", code, StaffGroup.RECEPTION),
				staff(identityService, prefix + "cashier", code, StaffGroup.CASHIER),
				staff(identityService, prefix + "manager", code, StaffGroup.MANAGER),
				staff(identityService, prefix + "engineer", code, StaffGroup.ENGINEERING));
	}

	/**
	 * An auditor of this estate who works in 天下城 too: a staff member of two estates who adds no approver
	 * to 天下城's groups (four-eyes approvals count the members of a group in the requester's estates).
	 */
	public String auditorAlsoInTianxiacheng(IdentityService identityService) {
		String id = staff(identityService, estate.code().toLowerCase() + "auditor", estate.code(), StaffGroup.AUDITOR);
		identityService.createTenantUserMembership("TXC", id);
		return id;
	}

	/** A guard (秩序维护部) of this estate. */
	public String guard(IdentityService identityService) {
		return staff(identityService, estate.code().toLowerCase() + "guard", estate.code(), StaffGroup.SECURITY);
	}

	/** A 管理处主任 of this estate. */
	public String director(IdentityService identityService) {
		return staff(identityService, estate.code().toLowerCase() + "director", estate.code(), StaffGroup.DIRECTOR);
	}

	/** A 区域经理 whose region holds this estate and the estates named by their codes. */
	public String regionalManager(IdentityService identityService, String... alsoIn) {
		String id = staff(identityService, estate.code().toLowerCase() + "regional" + REGIONALS.incrementAndGet(),
				estate.code(), StaffGroup.REGION_MANAGER);
		for (String code : alsoIn) {
			identityService.createTenantUserMembership(code, id);
		}
		return id;
	}

	private static String staff(IdentityService identityService, String id, String code, StaffGroup group) {
		User user = identityService.newUser(id);
		user.setFirstName("测试");
		user.setLastName(group.label());
		user.setPassword("demo");
		identityService.saveUser(user);
		identityService.createMembership(id, group.id());
		identityService.createTenantUserMembership(code, id);
		return id;
	}

}
