package cn.tianxiacheng.servicecenter.system;

import java.util.Map;

/** What a refused request's status means, in the words staff read instead of the English reason phrase. */
final class ProblemTitles {

	private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(400, "请求内容有误"),
			Map.entry(401, "未登录"), Map.entry(403, "无权访问"), Map.entry(404, "未找到"), Map.entry(405, "不支持该请求方法"),
			Map.entry(406, "不支持所要求的返回格式"), Map.entry(409, "与当前状态冲突"), Map.entry(413, "请求内容过大"),
			Map.entry(415, "请以 JSON 格式发送请求内容"), Map.entry(422, "不符合办理规则"), Map.entry(429, "请稍后再试"),
			Map.entry(500, "系统暂时无法办理，请稍后再试"));

	private ProblemTitles() {
	}

	static String of(int status) {
		return TITLES.getOrDefault(status, "请求未能办理");
	}

}
