package cn.tianxiacheng.servicecenter.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password policy, wherever a password is set (Camunda Admin, the profile, the REST API):
 * at least {@value #MIN_LENGTH} characters, not the user name, and not one of the common
 * passwords of {@code common-passwords.txt} (case ignored). Checked inside the engine by
 * {@link PasswordGuard}.
 */
@Component
class PasswordRules {

	static final int MIN_LENGTH = 8;

	private final Set<String> common;

	PasswordRules() {
		try (InputStream list = new ClassPathResource("common-passwords.txt").getInputStream()) {
			common = new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Why the password is refused, in Chinese, naming the rule; empty when it is acceptable. */
	Optional<String> refusal(String userId, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("密码（password）至少需要 " + MIN_LENGTH + " 个字符");
		}
		if (userId != null && password.strip().equalsIgnoreCase(userId)) {
			return Optional.of("密码（password）不能与用户名相同");
		}
		if (common.contains(password.strip().toLowerCase(Locale.ROOT))) {
			return Optional.of("密码（password）过于常见，容易被猜中，请换一个");
		}
		return Optional.empty();
	}

}
