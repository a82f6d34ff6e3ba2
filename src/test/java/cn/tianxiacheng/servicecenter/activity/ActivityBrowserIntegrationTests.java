package cn.tianxiacheng.servicecenter.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.TestPhotos;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 社区文化活动 in a real browser, with screenshots under {@code target/screenshots/}: reception plans
 * an activity for today, then writes its summary and uploads a photo, which the director sees on
 * the activity's page.
 */
@IntegrationTest
class ActivityBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldPlanSummarizeAndKeepThePhotos() {
		Path photo = photo();
		String path;
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/activities");
			reception.find(By.name("title")).sendKeys("亲子植树活动");
			reception.setValue(By.name("heldOn"), LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
			reception.find(By.name("place")).sendKeys("2号楼南侧绿地");
			reception.find(By.name("plan")).sendKeys("9:00 集合，分组植树 20 株，10:30 挂牌认养");
			reception.find(By.name("audience")).sendKeys("业主家庭，儿童须家长陪同");
			reception.find(By.name("expectedParticipants")).sendKeys("40");
			reception.find(By.name("budget")).sendKeys("1500.00");
			reception.screenshot("activities-01-reception-plans-an-activity");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));
			assertThat(reception.find(By.cssSelector("p.notice")).getText()).contains("活动计划已保存");
			path = reception.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");

			reception.find(By.name("summary")).sendKeys("38 人参加，种下银杏 20 株，由各家庭认养。");
			reception.find(By.name("actualParticipants")).sendKeys("38");
			reception.find(By.name("actualCost")).sendKeys("1420.00");
			reception.driver().findElement(By.cssSelector("form.summary input[type=file]")).sendKeys(photo.toString());
			reception.screenshot("activities-02-reception-writes-the-summary");
			reception.click(By.cssSelector("form.summary button[type=submit]"));
			assertThat(reception.find(By.cssSelector("p.notice")).getText()).contains("活动总结已保存");
		}
		try (Browser director = Browser.open(port, 1400).login("director")) {
			director.go(path);
			director.waitFor(By.cssSelector(".photos img"));
			assertThat(director.text()).contains("亲子植树活动", "38 人", "1420.00", "已总结");
			Object width = director.driver()
				.executeScript("return document.querySelector('.photos img').naturalWidth");
			assertThat(((Number) width).intValue()).as("the photo loads").isEqualTo(64);
			director.screenshot("activities-03-director-reads-the-summary-with-photos");
		}
	}

	private static Path photo() {
		try {
			Path file = Files.createTempFile("activity", ".png");
			Files.write(file, TestPhotos.image("png", Color.GREEN));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
