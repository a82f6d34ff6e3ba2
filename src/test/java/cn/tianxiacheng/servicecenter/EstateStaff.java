package cn.tianxiacheng.servicecenter;

import org.camunda.bpm.engine.IdentityService;

import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.EstateRef;

/**
 * The staff of one estate as a test that runs per estate acts in it ({@link IntegrationTestSupport#bothEstates}):
 * 天下城's demo staff, or those of an {@link OtherEstate}, with a unit of the estate that has an owner. Shown
 * by the estate's code in the test's name.
 */
public record EstateStaff(EstateRef estate, String receptionist, String cashier, String manager, String director,
		String engineer, String guard, String unitNumber) {

	public static EstateStaff tianxiacheng(EstateDirectory directory) {
		return new EstateStaff(directory.all().stream().filter(estate -> estate.code().equals("TXC")).findFirst().orElseThrow(),
				"receptionist", "cashier", "manager", "director", "engineer", "guard", "1-1-101");
	}

	/** The other estate's staff, with a director and a guard added. */
	public static EstateStaff of(OtherEstate other, IdentityService identityService) {
		return new EstateStaff(other.estate(), other.receptionist(), other.cashier(), other.manager(),
				other.director(identityService), other.engineer(), other.guard(identityService), other.units().get(0));
	}

	public String code() {
		return estate.code();
	}

	/** The estate's staff member in the group (by its id) that tasks are given to. */
	public String memberOf(String group) {
		return switch (group) {
			case "reception" -> receptionist;
			case "cashier" -> cashier;
			case "manager" -> manager;
			case "director" -> director;
			case "engineering" -> engineer;
			case "security" -> guard;
			default -> throw new IllegalArgumentException("no staff member of " + group + " in " + code());
		};
	}

	@Override
	public String toString() {
		return code();
	}

}
