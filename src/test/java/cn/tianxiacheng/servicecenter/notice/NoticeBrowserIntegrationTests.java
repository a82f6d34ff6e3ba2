package cn.tianxiacheng.servicecenter.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * 服务信息 in a real browser, with screenshots under {@code target/screenshots/}: reception writes a
 * notice for one building, finds it in the list and opens its print view for the notice board.
 */
@IntegrationTest
class NoticeBrowserIntegrationTests extends BrowserTestSupport {

	@Test
	void shouldWriteANoticeAndPrintItForTheBoard() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		try (Browser reception = Browser.open(port, 1400).login("receptionist")) {
			reception.go("/notices");
			reception.find(By.name("title")).sendKeys("1号楼电梯保养通知");
			reception.find(By.name("body")).sendKeys("本周三 9:00–11:00 1号楼电梯例行保养，期间请走楼梯。");
			reception.click(By.cssSelector("input[name=buildings][value='1']"));
			reception.setValue(By.name("validFrom"), today.toString());
			reception.setValue(By.name("validTo"), today.plusDays(2).toString());
			reception.screenshot("notices-01-reception-writes-a-notice");
			reception.click(By.cssSelector("form.stacked button[type=submit]"));

			assertThat(reception.find(By.cssSelector("p.notice")).getText()).contains("已发布");
			assertThat(reception.find(By.cssSelector("section.permit h1")).getText()).isEqualTo("1号楼电梯保养通知");
			assertThat(reception.text()).contains("适用范围：1号楼", "天下城物业服务中心");
			reception.screenshot("notices-02-print-view-for-the-board");

			reception.go("/notices");
			assertThat(reception.text()).contains("1号楼电梯保养通知", "生效中");
			reception.screenshot("notices-03-the-list");
		}
	}

}
