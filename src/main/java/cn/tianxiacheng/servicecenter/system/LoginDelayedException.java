package cn.tianxiacheng.servicecenter.system;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A password that was not checked because its user or client must still wait: answered 429 with
 * {@code Retry-After}, or the login page saying how long.
 */
class LoginDelayedException extends AuthenticationException {

	private final long seconds;

	LoginDelayedException(Duration wait) {
		this(Math.max(1, (wait.toMillis() + 999) / 1000));
	}

	private LoginDelayedException(long seconds) {
		super("登录失败次数过多，请 " + seconds + " 秒后再试");
		this.seconds = seconds;
	}

	long seconds() {
		return seconds;
	}

}
