package cn.tianxiacheng.servicecenter.decoration;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The works an application declares (装修范围); each is an input of {@code DecorationReview.dmn}
 * under its variable name.
 */
enum Scope {

	STRUCTURAL_CHANGE("structuralChange", "拆改非承重墙体"),
	LOAD_BEARING_WALL("loadBearingWall", "拆改承重墙或主体结构"),
	WATERPROOFING("waterproofing", "改动卫生间、厨房防水层"),
	GAS_HEATING("gasHeating", "改动燃气或暖气管道"),
	ELECTRICAL_REWIRING("electricalRewiring", "电气线路改造"),
	BALCONY_ENCLOSURE("balconyEnclosure", "封闭阳台"),
	FACADE_CHANGE("facadeChange", "改变外立面、外墙开门窗"),
	OUTSIDE_OPENINGS("outsideOpenings", "更换外门窗"),
	AIR_CONDITIONER("airConditioner", "安装或移动空调外机"),
	EXTRA_LOAD("extraLoad", "增加楼面荷载（如大型鱼缸、书库）");

	private final String variable;

	private final String label;

	Scope(String variable, String label) {
		this.variable = variable;
		this.label = label;
	}

	String variable() {
		return variable;
	}

	public String label() {
		return label;
	}

	static String labels(Collection<Scope> scope) {
		return scope.isEmpty() ? "一般装修（不涉及以上改动）"
				: scope.stream().sorted().map(Scope::label).collect(Collectors.joining("、"));
	}

}
