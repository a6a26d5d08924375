package frame.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium with a phone's screen (390 x 844, an iPhone's user agent), from the
 * Debian packages {@code chromium} and {@code chromium-driver} found on the PATH. Tests skip with a
 * message where they are not installed.
 */
final class Chromium {
  static final int WIDTH = 390;
  static final int HEIGHT = 844;
  private static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
      + "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

  private Chromium() {}

  static Optional<Path> onPath(String... names) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator)).flatMap(dir -> Arrays.stream(names).map(n -> Path.of(dir, n)))
        .filter(Files::isExecutable).findFirst();
  }

  /**
   * A fresh phone-sized browser with its own profile folder; skips the test when there is none.
   * It has accepted FRAME's self-signed certificate, as a person does once at the browser's
   * warning ({@link #phoneThatWarns} shows that warning).
   */
  static ChromeDriver phone(Path profile) {
    return phone(profile, true);
  }

  /** The same browser, still to meet FRAME's certificate: it shows its warning first. */
  static ChromeDriver phoneThatWarns(Path profile) {
    return phone(profile, false);
  }

  private static ChromeDriver phone(Path profile, boolean certificateAccepted) {
    Optional<Path> browser = onPath("chromium", "chromium-browser");
    Optional<Path> driver = onPath("chromedriver");
    assumeTrue(browser.isPresent() && driver.isPresent(),
        "Skipped: no chromium and chromedriver on the PATH (Debian: apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.get().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath());
    if (certificateAccepted) options.addArguments("--ignore-certificate-errors");
    options.setExperimentalOption("mobileEmulation", Map.of(
        "deviceMetrics", Map.of("width", WIDTH, "height", HEIGHT, "pixelRatio", 2.0, "touch", true, "mobile", true),
        "userAgent", IPHONE));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
