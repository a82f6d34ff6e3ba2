package cn.tianxiacheng.servicecenter.system;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What the error page and a JSON client get for a request no controller took (a method a path does
 * not serve, a path that does not exist): its title and detail in Chinese, not the status's English
 * reason phrase and an ISO timestamp.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		attributes.remove("timestamp");
		attributes.remove("error");
		if (attributes.get("status") instanceof Integer status) {
			attributes.put("title", ProblemTitles.of(status));
			attributes.put("detail", ProblemTitles.of(status));
		}
		return attributes;
	}

}
