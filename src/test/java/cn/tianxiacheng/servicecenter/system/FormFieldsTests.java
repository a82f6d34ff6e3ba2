package cn.tianxiacheng.servicecenter.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import cn.tianxiacheng.servicecenter.FormConstraints;
import cn.tianxiacheng.servicecenter.FormConstraints.Valid;
import cn.tianxiacheng.servicecenter.FormConstraints.Violation;
import org.junit.jupiter.api.Test;

/**
 * Every form of {@code forms/} is the contract of its task: each constraint it declares, broken
 * once in an otherwise accepted submission, is refused with a message naming the field; every
 * submission Tasklist could send is accepted. This covers the forms whose tasks the integration
 * walk ({@code trust.FormConstraintsIntegrationTests}) cannot reach cheaply.
 */
class FormFieldsTests {

	@Test
	void shouldRefuseEveryDeclaredConstraintBrokenOnceNamingTheField() {
		int refused = 0;
		for (FormConstraints form : FormConstraints.all()) {
			FormFields fields = fields(form.form());
			for (Violation violation : form.violations()) {
				assertThatThrownBy(() -> fields.check(violation.submission(), true, violation.current()))
					.as("%s: %s", violation, violation.submission())
					.isInstanceOf(BadInputException.class)
					.hasMessageContaining(violation.label());
				refused++;
			}
		}
		assertThat(refused).as("constraints tried").isGreaterThan(300);
	}

	@Test
	void shouldAcceptWhatTasklistSendsForEveryCombinationOfAnswers() {
		for (FormConstraints form : FormConstraints.all()) {
			FormFields fields = fields(form.form());
			for (Valid valid : form.valid()) {
				assertThatCode(() -> fields.check(valid.submission(), true, valid.current()))
					.as("%s: %s", form.form(), valid.submission())
					.doesNotThrowAnyException();
			}
		}
	}

	@Test
	void shouldNameTheLimitsOfTheReturnVisitAndTheCompensation() {
		FormFields visit = fields("return-visit");
		assertThatThrownBy(() -> visit.check(Map.of("reached", true, "satisfaction", 1_000_000), true, Map.of()))
			.hasMessage("“满意度（1–5 分）”不能大于 5");
		assertThatThrownBy(() -> visit.check(Map.of("reached", true, "satisfaction", -7), true, Map.of()))
			.hasMessage("“满意度（1–5 分）”不能小于 1");
		assertThatThrownBy(() -> visit.check(Map.of("reached", true, "satisfaction", 4.5), true, Map.of()))
			.hasMessageContaining("满意度");
		assertThatThrownBy(() -> visit.check(Map.of("reached", true), true, Map.of()))
			.as("required when the owner was reached").hasMessage("请填写满意度（1–5 分）");
		assertThatCode(() -> visit.check(Map.of("reached", false), true, Map.of())).doesNotThrowAnyException();
		assertThatThrownBy(() -> visit.check(Map.of("reached", false, "satisfaction", 5), true, Map.of()))
			.as("a hidden field").hasMessageContaining("不需要填写");

		FormFields complaint = fields("complaint-manager");
		assertThatThrownBy(() -> complaint.check(Map.of("managerDecision", "RESOLVED", "compensation", 999_999.99,
				"compensationKind", "CREDIT", "opinion", "补偿"), true, Map.of()))
			.hasMessage("“补偿金额（元，如有）”不能大于 50000");
		assertThatThrownBy(() -> complaint.check(Map.of("managerDecision", "RESOLVED", "compensation", 80, "opinion", "补偿"),
				true, Map.of()))
			.as("required under a condition").hasMessage("请选择补偿方式");
	}

	@Test
	void shouldCheckAChargeLineAgainstTheFormAndLeaveTheOfferToItsListener() {
		FormFields work = fields("sr-work");
		Map<String, Object> offered = Map.of("chargeItemOptions", FormConstraints.OFFERED);
		assertThatThrownBy(() -> work.check(Map.of("chargeQuantity1", 100), false, offered)).hasMessageContaining("不能大于 99");
		assertThatThrownBy(() -> work.check(Map.of("chargeQuantity1", 1.5), false, offered)).hasMessageContaining("应为整数");
		assertThatCode(() -> work.check(Map.of("chargeCode1", "ITEM_TWO", "chargeQuantity1", 2), false, offered))
			.doesNotThrowAnyException();
	}

	private static FormFields fields(String form) {
		try {
			return FormFields.parse(Files.newInputStream(FormConstraints.FORMS.resolve(form + ".form")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}


}
