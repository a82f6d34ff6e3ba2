package cn.tianxiacheng.servicecenter.owner;

import java.io.Serializable;

import cn.tianxiacheng.servicecenter.estate.PhonesOnFile.Role;
import cn.tianxiacheng.servicecenter.estate.PhonesOnFile.UnitOnFile;

/** A unit the signed-in person is on file for, and as whom. */
record OwnerUnit(long unitId, long estateId, String estateName, String unitNumber, Role role) implements Serializable {

	static OwnerUnit of(UnitOnFile unit) {
		return new OwnerUnit(unit.unitId(), unit.estateId(), unit.estateName(), unit.unitNumber(), unit.role());
	}

}
