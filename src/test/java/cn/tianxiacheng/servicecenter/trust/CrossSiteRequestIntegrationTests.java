package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A page on another site, visited by a logged-in administrator, cannot use the session: the
 * session cookie is {@code SameSite=Lax}, a change through {@code /engine-rest} or {@code /api}
 * with the cookie alone needs the app's CSRF token, and a browser's cross-site change is
 * refused outright, even with cached HTTP Basic credentials. Scripts use HTTP Basic.
 */
@IntegrationTest
class CrossSiteRequestIntegrationTests extends IntegrationTestSupport {

	private static final String DEPLOYMENT = "{\"deployment-name\":\"evil\"}";

	@Test
	void shouldRefuseADeploymentWithTheAdministratorsSessionCookieOnly() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		long deployments = repositoryService.createDeploymentQuery().count();

		HttpResponse<String> crossOrigin = admin.withCookieOnly("POST", "/engine-rest/deployment/create", DEPLOYMENT,
				"Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
		HttpResponse<String> cookieOnly = admin.withCookieOnly("POST", "/engine-rest/deployment/create", DEPLOYMENT);
		HttpResponse<String> apiCookieOnly = WebSession.loggedIn(port, "receptionist").withCookieOnly("POST", "/api/notices",
				"{\"title\":\"停水通知\",\"body\":\"明日停水\",\"validFrom\":\"2030-01-01\",\"validTo\":\"2030-01-02\"}");

		assertThat(crossOrigin.statusCode()).isEqualTo(403);
		assertThat(cookieOnly.statusCode()).isEqualTo(403);
		assertThat(apiCookieOnly.statusCode()).isEqualTo(403);
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void shouldRefuseABrowsersCrossSiteChangeEvenWithBasicCredentials() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("Sec-Fetch-Site", "cross-site");
		var response = rest.withBasicAuth("admin", "demo").exchange("/engine-rest/message", HttpMethod.POST,
				new HttpEntity<>("{\"messageName\":\"FeeBillingRequested\"}", headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldMarkTheSessionCookieSameSiteLaxAndHttpOnly() {
		WebSession session = new WebSession(port);
		HttpResponse<String> loginPage = session.get("/login");
		String cookie = loginPage.headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly");
	}

	@Test
	void shouldLetScriptsWorkWithHttpBasic() {
		var response = rest.withBasicAuth("receptionist", "demo").exchange("/api/notices", HttpMethod.POST,
				json("{\"title\":\"停水通知\",\"body\":\"明日 9:00–12:00 停水\",\"validFrom\":\"2030-01-01\","
						+ "\"validTo\":\"2030-01-02\"}"),
				String.class);
		assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
