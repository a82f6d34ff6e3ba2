package cn.tianxiacheng.servicecenter.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.Browser;
import cn.tianxiacheng.servicecenter.BrowserTestSupport;
import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.TestPhotos;
import cn.tianxiacheng.servicecenter.inspection.InspectionRounds.Route;
import cn.tianxiacheng.servicecenter.inspection.InspectionSchedule.Hours;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Photos where the work is seen, in a real browser with screenshots under
 * {@code target/screenshots/}: the engineer on a phone (390 px) opens the repair's task in
 * Tasklist (the form first), photographs the leak before and the repair after on the case page;
 * the manager sees both at the desk (1440 px); the guard photographs an abnormal checkpoint on
 * the round; the case list scrolls sideways on the phone instead of wrapping one character a line.
 */
@IntegrationTest
class PhotoBrowserIntegrationTests extends BrowserTestSupport {

	@Autowired
	InspectionRounds rounds;

	@Test
	void shouldTakeTheRepairsPhotosOnAPhoneAndShowThemAtTheDesk() throws IOException {
		String caseNumber = (String) StaffApi.call(rest, "receptionist", HttpMethod.POST, "/api/cases", "{\"requestId\":\""
				+ UUID.randomUUID() + "\",\"type\":\"SERVICE_REQUEST\",\"unitNumber\":\"2-2-701\",\"contactName\":\"周先生\","
				+ "\"contactPhone\":\"13912345678\",\"channel\":\"PHONE\",\"category\":\"水电维修\",\"urgency\":\"NORMAL\","
				+ "\"description\":\"卫生间地漏返水\"}").getBody().get("caseNumber");
		StaffApi.awaitJobs(managementService, jdbc.queryForObject(
				"select process_instance_id from service_case where case_number = ?", String.class, caseNumber));
		Path before = file("地漏.jpg", TestPhotos.image("jpg", new Color(120, 90, 60)));
		Path after = file("修好.png", TestPhotos.image("png", new Color(90, 160, 220)));
		try (Browser engineer = Browser.open(port, 390).login("engineer")) {
			engineer.openTask(filterService, "待领取 · 工程部", caseNumber);
			engineer.find(By.cssSelector(".task-details .fjs-form-field"));
			WebElement details = engineer.find(By.cssSelector(".task-details"));
			WebElement list = engineer.driver().findElement(By.cssSelector(".tasks-list"));
			assertThat(details.getLocation().getY()).as("the opened task comes before the list on a phone")
				.isLessThan(list.getLocation().getY());
			engineer.driver().executeScript("window.scrollTo(0, 0)");
			engineer.screenshot("photos-01-engineer-opens-the-task-on-a-phone");

			engineer.go("/cases/" + caseNumber);
			engineer.find(By.cssSelector("#photos input[type=file]")).sendKeys(before.toString());
			engineer.screenshot("photos-02-engineer-chooses-the-photo-before");
			engineer.click(By.cssSelector("#photos button[type=submit]"));
			engineer.find(By.cssSelector("#photos input[value=AFTER]")).click();
			engineer.find(By.cssSelector("#photos input[type=file]")).sendKeys(after.toString());
			engineer.click(By.cssSelector("#photos button[type=submit]"));
			engineer.find(By.cssSelector("#photos img"));
			assertThat(engineer.driver().findElements(By.cssSelector("#photos img"))).hasSize(2);
			engineer.driver().executeScript("document.getElementById('photos').scrollIntoView()");
			engineer.screenshot("photos-03-engineer-sees-before-and-after-on-a-phone");

			engineer.go("/cases/" + caseNumber);
			engineer.find(By.cssSelector("#photos input[type=file]"))
				.sendKeys(file("照片.jpg", TestPhotos.notAnImage()).toString());
			engineer.click(By.cssSelector("#photos button[type=submit]"));
			engineer.waitForText(By.tagName("h1"), "填写的内容有误");
			assertThat(engineer.text()).contains("“维修前照片”中的“照片.jpg”不是 JPEG、PNG 或 WebP 图片", "返回上一页");
			engineer.screenshot("photos-04-a-script-renamed-jpg-is-refused");
			engineer.click(By.linkText("返回上一页"));
			engineer.find(By.cssSelector("#photos input[type=file]"));

			engineer.go("/cases");
			WebElement cell = engineer.find(By.cssSelector("table tbody td"));
			assertThat(cell.getSize().getWidth()).as("a cell is wider than one character").isGreaterThan(40);
			engineer.screenshot("photos-05-case-list-scrolls-on-a-phone");
		}
		try (Browser manager = Browser.open(port, 1440).login("manager")) {
			manager.go("/cases/" + caseNumber);
			assertThat(manager.driver().findElements(By.cssSelector("#photos img"))).hasSize(2);
			manager.driver().executeScript("document.getElementById('photos').scrollIntoView()");
			manager.screenshot("photos-06-manager-sees-the-repairs-photos-at-the-desk");
		}
	}

	@Test
	void shouldTakeTheAbnormalCheckpointsPhotoOnTheRound() throws IOException {
		String name = "照片巡查-" + UUID.randomUUID().toString().substring(0, 6);
		jdbc.update("insert into inspection_route (name, duty_group, active, estate_id)"
				+ " values (?, 'security', false, (select id from estate where code = 'TXC'))", name);
		long routeId = jdbc.queryForObject("select id from inspection_route where name = ?", Long.class, name);
		jdbc.update("""
				insert into inspection_checkpoint (route_id, position, name, kind, location, checklist, case_unit_number,
				       case_category) values (?, 1, '2号楼大堂', 'COMMON_AREA', '2号楼一层', '门禁正常；照明正常', '1-1-101', '公共设施')""",
				routeId);
		String number = rounds.open(new Route(routeId, name, "security", jdbc.queryForObject("select id from estate where code = \'TXC\'", Long.class)), LocalDate.now(ZoneId.of("Asia/Shanghai")),
				Shift.MORNING, new Hours(LocalTime.MIN, LocalTime.of(23, 59, 59)));
		Path photo = file("门禁.jpg", TestPhotos.image("jpg", new Color(200, 60, 60)));
		try (Browser guard = Browser.open(port, 390).login("guard")) {
			guard.go("/rounds/" + number);
			guard.find(By.cssSelector("input[name=result][value=ABNORMAL]")).click();
			guard.type(By.name("note"), "大堂门禁闭门器损坏，门关不上");
			guard.find(By.cssSelector("input[name=photos]")).sendKeys(photo.toString());
			guard.screenshot("photos-07-guard-photographs-an-abnormal-checkpoint");
			guard.click(By.cssSelector("form.stacked button[type=submit]"));
			guard.find(By.cssSelector(".checkpoints .photos img"));
			guard.driver().executeScript("document.querySelector('.checkpoints .photos').scrollIntoView()");
			assertThat(guard.text()).contains("异常", "报修单");
			guard.screenshot("photos-08-the-round-shows-the-photo-and-its-case");
		}
		try (Browser manager = Browser.open(port, 1440).login("manager")) {
			manager.go("/rounds/" + number);
			manager.find(By.cssSelector(".checkpoints .photos img"));
			manager.screenshot("photos-09-manager-sees-the-rounds-photo-at-the-desk");
		}
	}

	private static Path file(String name, byte[] data) throws IOException {
		Path file = Files.createTempDirectory("photos").resolve(name);
		Files.write(file, data);
		return file;
	}

}
