package cn.tianxiacheng.servicecenter.casework;

import java.util.List;

/**
 * The categories of cases, as staff and owners name them. {@code CaseRouting.dmn} routes each
 * to a department with its deadlines; a new category needs a rule there too.
 */
public final class CaseCategories {

	public static final List<String> ALL = List.of("水电维修", "门窗维修", "公共设施", "电梯", "环境卫生", "绿化", "噪音扰民", "秩序安全",
			"停车", "收费争议", "服务态度", "房屋质量", "其他");

	private CaseCategories() {
	}

}
