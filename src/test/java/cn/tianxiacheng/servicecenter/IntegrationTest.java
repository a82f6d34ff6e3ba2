package cn.tianxiacheng.servicecenter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on the database of {@link TestDatabase}. All
 * classes share one context, so the suite starts the application once per database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "servicecenter.login.max-delay=" + IntegrationTest.LOGIN_MAX_DELAY, "servicecenter.demo.history=false",
				"server.tomcat.remoteip.internal-proxies=" + IntegrationTest.TRUSTED_PROXY })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(OpenTasks.class)
public @interface IntegrationTest {

	/** Failed logins delay the next try by at most this, in the tests (60 s by default). */
	String LOGIN_MAX_DELAY = "PT2S";

	/**
	 * The tests' own client (loopback) is the trusted proxy, so a test names its client in
	 * {@code X-Forwarded-For}; a client at 127.0.0.2 is not trusted (none is by default).
	 */
	String TRUSTED_PROXY = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

}
