package cn.tianxiacheng.servicecenter.system;

import org.springframework.modulith.NamedInterface;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether the request being served was sent from another site's page ({@code Sec-Fetch-Site:
 * cross-site}): a link on a foreign page opens a unit or a case with the user's session
 * ({@code SameSite=Lax} lets top-level GETs through). Such a request is shown personal data
 * masked and writes no read-log entry; the same page opened from within the app shows it in
 * clear.
 */
@NamedInterface("security")
public final class CrossSiteReads {

	private CrossSiteReads() {
	}

	public static boolean isCrossSite() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
				&& "cross-site".equalsIgnoreCase(servlet.getRequest().getHeader("Sec-Fetch-Site"));
	}

}
