package cn.tianxiacheng.servicecenter;

import java.util.Arrays;
import java.util.stream.Collectors;

import cn.tianxiacheng.servicecenter.system.EstateDirectory;
import cn.tianxiacheng.servicecenter.system.Staff;
import cn.tianxiacheng.servicecenter.system.StaffGroup;

/** 天下城's staff as services take them, for tests that call services directly. */
public final class TianxiachengStaff {

	private TianxiachengStaff() {
	}

	public static Staff of(EstateDirectory estates, String userId, StaffGroup... groups) {
		return new Staff(userId, Arrays.stream(groups).map(StaffGroup::id).collect(Collectors.toSet()),
				estates.all().stream().filter(estate -> estate.code().equals("TXC")).findFirst().orElseThrow());
	}

}
