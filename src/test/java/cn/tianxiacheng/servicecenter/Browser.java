package cn.tianxiacheng.servicecenter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.FilterService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A staff member at a browser: headless Debian Chromium driven by Debian's chromedriver (no
 * driver download), logged in on the app's login page, with screenshots under
 * {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Tasklist's button that completes the open task with its form. */
	private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

	private final ChromeDriver driver;

	private final String base;

	private Browser(ChromeDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	/** A browser window of the given width (1400 for a desk, 390 for a phone). */
	public static Browser open(int port, int width) {
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary("/usr/bin/chromium");
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--lang=zh-CN", "--window-size=" + width + ",1000",
					"--user-data-dir=" + Files.createTempDirectory("chromium"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File("/usr/bin/chromedriver"))
				.build();
			return new Browser(new ChromeDriver(service, options), port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Browser login(String user) {
		go("/login");
		find(By.name("username")).sendKeys(user);
		find(By.name("password")).sendKeys("demo");
		find(By.cssSelector("button[type=submit]")).click();
		waitFor(By.cssSelector("main h1"));
		return this;
	}

	public Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	/**
	 * The card of a case's task in a Tasklist queue, found as staff find it in a long queue: the
	 * queue opened with a search for the case number in the address.
	 */
	public WebElement taskCard(FilterService filters, String queue, String caseNumber) {
		String filter = filters.createFilterQuery().filterName(queue).singleResult().getId();
		String search = "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + caseNumber
				+ "\",\"name\":\"caseNumber\"}]";
		go("/camunda/app/tasklist/default/#/?filter=" + filter + "&searchQuery="
				+ URLEncoder.encode(search, StandardCharsets.UTF_8));
		return find(By.xpath("//li[contains(@class,'task')][contains(., '" + caseNumber + "')]"));
	}

	/** Opens a case's task from its queue. */
	public void openTask(FilterService filters, String queue, String caseNumber) {
		taskCard(filters, queue, caseNumber);
		click(By.xpath("//li[contains(@class,'task')][contains(., '" + caseNumber + "')]//a"));
	}

	/** Completes the open task in Tasklist, as staff press 完成, and waits until its form is gone. */
	public void completeTask() {
		click(COMPLETE);
		waitUntilGone(COMPLETE);
	}

	public WebElement find(By by) {
		return waitFor(by);
	}

	public WebElement waitFor(By by) {
		return until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Waits until the element is gone or hidden, such as a task form once the task is completed. */
	public void waitUntilGone(By by) {
		until(ExpectedConditions.invisibilityOfElementLocated(by));
	}

	public void waitForText(By by, String text) {
		until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	/** Clicks the element once it can be clicked, scrolled to the middle of the window first. */
	public void click(By by) {
		WebElement element = until(ExpectedConditions.elementToBeClickable(by));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
	}

	/** Opens a group of the top bar and follows one of its links, as a person uses the menu. */
	public void menu(String group, String link) {
		click(By.xpath("//header//summary[normalize-space(.)='" + group + "']"));
		click(By.linkText(link));
	}

	/**
	 * Types into a field and leaves it with TAB, as a person moves on: Camunda Forms debounce what
	 * is typed and take it into the form when the field loses focus.
	 */
	public void type(By by, String text) {
		find(by).sendKeys(text, Keys.TAB);
	}

	/** Replaces what a field holds: select all, type, leave with TAB. */
	public void retype(By by, String text) {
		find(by).sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
	}

	/** Sets a field's value as its browser control would (a date picker, a number spinner). */
	public void setValue(By by, String value) {
		driver.executeScript("arguments[0].value = arguments[1]", find(by), value);
	}

	/** Waits up to 20 seconds; when the page never gets there, keeps a screenshot of what it showed instead. */
	private <T> T until(ExpectedCondition<T> condition) {
		try {
			return new WebDriverWait(driver, Duration.ofSeconds(20)).until(browser -> {
				try {
					return condition.apply(browser);
				}
				catch (StaleElementReferenceException ex) {
					return null;
				}
				catch (WebDriverException ex) {
					// Angular replaced the element between finding and reading it: Chrome says so in its own words
					if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
						return null;
					}
					throw ex;
				}
			});
		}
		catch (TimeoutException ex) {
			screenshot("failed-" + System.currentTimeMillis());
			throw ex;
		}
	}

	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Saves the part of the page around the element, scrolled to the middle of the window. */
	public void screenshot(String name, By around) {
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", find(around));
		screenshot(name);
	}

	/** Saves what the browser shows to {@code target/screenshots/<name>.png}. */
	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
