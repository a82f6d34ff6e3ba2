package cn.tianxiacheng.servicecenter;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/** A test at the browser: it runs on H2 only, as the pages are the same on PostgreSQL. */
public abstract class BrowserTestSupport extends IntegrationTestSupport {

	@BeforeEach
	protected void onlyOnce() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
	}

}
