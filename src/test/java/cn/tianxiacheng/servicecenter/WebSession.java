package cn.tianxiacheng.servicecenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser session in tests: a cookie-keeping client that does not follow redirects, logged in
 * on the login page. It posts the app's forms with their CSRF token, and calls the webapps'
 * own API (Tasklist's and Cockpit's door to the engine) with the webapps' CSRF token, as the
 * browser does.
 */
public class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** The engine API the webapps call. */
	public static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient client;

	private final String forwardedFor;

	public WebSession(int port) {
		this(port, null);
	}

	private WebSession(int port, String forwardedFor) {
		this.port = port;
		this.forwardedFor = forwardedFor;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** A browser at another address, as the tests' trusted proxy forwards it ({@code X-Forwarded-For}). */
	public static WebSession from(int port, String address) {
		return new WebSession(port, address);
	}

	/** A session logged in as the demo user (password {@code demo}). */
	public static WebSession loggedIn(int port, String user) {
		WebSession session = new WebSession(port);
		HttpResponse<String> response = session.login(user, "demo");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return session;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET().build());
	}

	/** A GET with extra headers, such as the {@code Sec-Fetch-*} headers a browser adds. */
	public HttpResponse<String> withHeaders(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	public HttpResponse<String> login(String user, String password) {
		Matcher csrf = CSRF.matcher(get("/login").body());
		assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
		String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		return send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** Posts a form from a page of the app, with the page's CSRF token. */
	public HttpResponse<String> submit(String page, String action, String fields) {
		Matcher csrf = CSRF.matcher(get(page).body());
		assertThat(csrf.find()).as("the page's form carries a CSRF token").isTrue();
		return send(HttpRequest.newBuilder(uri(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(fields + "&_csrf=" + encode(csrf.group(1))))
			.build());
	}

	/** A file sent in a multipart form. */
	public record FilePart(String field, String fileName, String contentType, byte[] data) {
	}

	/** Posts a multipart form (with files) from a page of the app, with the page's CSRF token. */
	public HttpResponse<String> submitMultipart(String page, String action, Map<String, String> fields,
			List<FilePart> files) {
		Matcher csrf = CSRF.matcher(get(page).body());
		assertThat(csrf.find()).as("the page's form carries a CSRF token").isTrue();
		String boundary = "----servicecenter" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", csrf.group(1));
		all.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"\r\n\r\n" + value + "\r\n"));
		for (FilePart file : files) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
					+ file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
			body.writeBytes(file.data());
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(uri(action))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Gets a file (an image) as bytes. */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static void write(java.io.ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A JSON call to the webapps' API ({@code /camunda/api/…}) with the webapps' CSRF token. */
	public HttpResponse<String> webapp(String method, String path, String json) {
		get("/camunda/api/admin/auth/user/default");
		String token = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the webapps gave no XSRF-TOKEN cookie"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", token)
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** A JSON call with only the session cookie, as a page on another site would make it. */
	public HttpResponse<String> withCookieOnly(String method, String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(forwardedFor == null ? request
					: HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
