package cn.tianxiacheng.servicecenter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import cn.tianxiacheng.servicecenter.system.EstateTenants;

/**
 * For the tests of two estates that number a unit alike: before each test another estate whose units
 * are numbered as 天下城's ({@link TwinUnits}), numbered apart again after it, so that other tests that
 * look a unit up by its number alone in their fixtures still find 天下城's.
 */
public abstract class TwinUnitsTestSupport extends IntegrationTestSupport {

	@Autowired
	protected EstateTenants tenants;

	protected OtherEstate other;

	protected TwinUnits twins;

	@BeforeEach
	void anotherEstateNumberedAsTianxiacheng() {
		other = OtherEstate.create(jdbc, tenants, identityService);
		twins = TwinUnits.create(jdbc, other);
	}

	@AfterEach
	void numberApart() {
		twins.numberApart(jdbc, other);
	}

}
