package cn.tianxiacheng.servicecenter.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * 受理登记 takes only a phone the center can call back, and a refused registration keeps what
 * reception typed.
 */
@IntegrationTest
class CaseIntakeBrowserIntegrationTests extends IntegrationTestSupport {

	@Test
	void shouldRefuseAPhoneNobodyCanCallWithNothingRegistered() {
		long before = jdbc.queryForObject("select count(*) from service_case", Long.class);
		for (String phone : new String[] { "12345", "1234567890123", "+86 abc" }) {
			var answer = StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases", "{\"requestId\":\""
					+ UUID.randomUUID() + "\",\"type\":\"COMPLAINT\",\"unitNumber\":\"2-1-301\",\"contactName\":\"袁先生\","
					+ "\"contactPhone\":\"" + phone + "\",\"channel\":\"PHONE\",\"category\":\"服务态度\","
					+ "\"urgency\":\"NORMAL\",\"description\":\"电话号码不对\"}");
			assertThat(answer.getStatusCode()).as(phone).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(String.valueOf(answer.getBody())).as(phone).contains("联系电话");
		}
		assertThat(jdbc.queryForObject("select count(*) from service_case", Long.class)).isEqualTo(before);
	}

	@Test
	void shouldKeepWhatWasTypedWhenTheUnitIsRefused() {
		assumeTrue(TestDatabase.KIND.equals("h2"), "the pages are the same on PostgreSQL");
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/cases/new");
			reception.find(By.name("contactPhone")).sendKeys("12345");
			assertThat(reception.driver().findElements(By.cssSelector("input[name=contactPhone]:invalid"))).hasSize(1);
			reception.find(By.name("contactPhone")).clear();

			reception.click(By.cssSelector("input[name=type][value=COMPLAINT]"));
			reception.find(By.name("unitNumber")).sendKeys("9-9-999");
			reception.find(By.name("contactName")).sendKeys("袁先生");
			reception.find(By.name("contactPhone")).sendKeys("13900004321");
			reception.find(By.cssSelector("select[name=category] option[value='噪音扰民']")).click();
			reception.find(By.name("description")).sendKeys("夜间施工噪音");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));

			assertThat(reception.find(By.cssSelector("p.error")).getText()).contains("9-9-999");
			assertThat(reception.find(By.name("unitNumber")).getAttribute("value")).isEqualTo("9-9-999");
			assertThat(reception.find(By.name("contactName")).getAttribute("value")).isEqualTo("袁先生");
			assertThat(reception.find(By.name("contactPhone")).getAttribute("value")).isEqualTo("13900004321");
			assertThat(reception.find(By.name("description")).getAttribute("value")).isEqualTo("夜间施工噪音");
			assertThat(reception.find(By.cssSelector("select[name=category]")).getAttribute("value")).isEqualTo("噪音扰民");
			assertThat(reception.find(By.cssSelector("input[name=type][value=COMPLAINT]")).isSelected()).isTrue();
			reception.screenshot("intake-01-refused-unit-keeps-the-form");
		}
	}

}
