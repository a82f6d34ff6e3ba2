package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTests {

	private final PasswordRules rules = new PasswordRules();

	@Test
	void shouldNameTheRuleAWeakPasswordBreaks() {
		assertThat(rules.refusal("cleaner", "1")).hasValue("密码（password）至少需要 8 个字符");
		assertThat(rules.refusal("cleaner", "demo")).hasValueSatisfying(r -> assertThat(r).contains("至少需要 8 个字符"));
		assertThat(rules.refusal("receptionist", "Receptionist")).hasValue("密码（password）不能与用户名相同");
		assertThat(rules.refusal("cleaner", "PassWord1")).hasValue("密码（password）过于常见，容易被猜中，请换一个");
		assertThat(rules.refusal("cleaner", "woaini1314")).isPresent();
	}

	@Test
	void shouldAcceptAPasswordThatBreaksNoRule() {
		assertThat(rules.refusal("cleaner", "绿树成荫2026年")).as("eight characters, not bytes").isEmpty();
		assertThat(rules.refusal("cleaner", "Right-Password-4711")).isEmpty();
	}

}
