package cn.tianxiacheng.servicecenter.survey;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 满意度调查 in a real browser, with screenshots under {@code target/screenshots/}: the manager starts
 * a campaign for building 2, reception enters an owner's answers taken by phone, and the manager
 * reads the report with its charts.
 */
@IntegrationTest
class SurveyBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldStartACampaignEnterAnAnswerAndReadTheCharts() {
		String unit = jdbc.queryForObject("""
				select max(u.number) from unit u join building b on b.id = u.building_id
				 where u.status = 'OCCUPIED' and b.number = 2 and b.estate_id = %s""".formatted(TIANXIACHENG), String.class);
		String surveyPath;
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go("/surveys");
			manager.find(By.name("title")).sendKeys("2号楼电话满意度调查");
			manager.click(By.cssSelector("input[name=buildings][value='2']"));
			manager.screenshot("surveys-01-manager-starts-a-campaign");
			manager.click(By.cssSelector("form.stacked button[type=submit]"));
			assertThat(manager.find(By.cssSelector("p.notice")).getText()).contains("调查已发起");
			surveyPath = manager.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
		}
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go(surveyPath);
			reception.find(By.name("unitNumber")).sendKeys(unit);
			reception.click(By.cssSelector("input[name=score0][value='5']"));
			reception.click(By.cssSelector("input[name=score1][value='2']"));
			reception.click(By.cssSelector("input[name=score2][value='4']"));
			reception.find(By.name("comment")).sendKeys("维修师傅上门晚了两天");
			reception.screenshot("surveys-02-reception-enters-an-answer");
			reception.click(By.cssSelector("form.answer button[type=submit]"));
			assertThat(reception.find(By.cssSelector("p.notice")).getText()).contains("已录入", unit);
		}
		try (Browser manager = Browser.open(port, 1400).login("manager")) {
			manager.go(surveyPath);
			manager.waitFor(By.cssSelector("#by-area canvas"));
			manager.waitFor(By.cssSelector("#by-building canvas"));
			assertThat(manager.text()).contains("2号楼电话满意度调查", "2号楼", "5.00", "2.00", "4.00");
			manager.screenshot("surveys-03-manager-reads-the-report");
		}
	}

}
