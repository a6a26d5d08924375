package frame.server;

import frame.core.api.devices.PairingCode;

import frame.core.FrameTestAccess;
import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import frame.cli.FrameCommand;
import frame.core.Frame;
import frame.core.auth.Pairings;
import frame.core.api.devices.TokenKind;
import frame.core.testing.FrameFixture;
import frame.core.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The phone page in a real headless Chromium with a phone's screen, against a real FRAME serving
 * HTTPS on a loopback port: pair by the QR link, upload through the file input, watch every photo reach
 * Processed, browse, reload, and be told when the device is revoked. Screenshots go to
 * target/screenshots/.
 */
class PhonePageBrowserTest {
  static final String XSS_NAME = "<img src=x onerror=alert(1)>.jpg";
  static final Duration PATIENCE = Duration.ofSeconds(180);

  @TempDir Path dataDir;
  @TempDir Path profile;
  @TempDir Path photos;
  ServerFixture fixture;
  ChromeDriver browser;

  @BeforeEach
  void start() {
    browser = Chromium.phone(profile);
    fixture = new ServerFixture(FrameFixture.open(dataDir), dataDir, s -> s, true);
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    if (fixture != null) fixture.close();
  }

  private String base() {
    return "https://127.0.0.1:" + fixture.server.port();
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private WebElement visible(String css) {
    return await().atMost(PATIENCE).ignoreExceptions()
        .until(() -> browser.findElement(By.cssSelector(css)), WebElement::isDisplayed);
  }

  private void pairWithLink(String deviceName) {
    PairingCode code = FrameTestAccess.pairings(fixture.frame).create();
    browser.get(PairingLinks.link(base(), code, fixture.server.fingerprint()));
    WebElement name = visible("#pair-name");
    assertThat(name.getAttribute("value")).as("guessed from the browser").isEqualTo("iPhone (Safari)");
    assertThat(browser.getCurrentUrl()).as("the code leaves the address bar").doesNotContain(code.link());
    assertThat(browser.findElement(By.id("pair-certificate")).isDisplayed()).as("the warning explained").isTrue();
    assertThat(browser.findElement(By.id("pair-fingerprint-value")).getAttribute("textContent"))
        .isEqualTo(fixture.server.fingerprint().orElseThrow().hex());
    name.clear();
    name.sendKeys(deviceName);
    browser.findElement(By.id("pair-submit")).click();
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("device-name")).getText().equals(deviceName));
  }

  private List<Path> writePhotos() {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      files.add(TestImages.write(photos, "beach-" + i + ".jpg", jpeg(photo(640 + 16 * i, 480, i))));
    }
    files.add(TestImages.write(photos, XSS_NAME, jpeg(photo(400, 300, 99))));
    byte[] whole = jpeg(photo(800, 600, 7));
    files.add(TestImages.write(photos, "damaged.jpg", Arrays.copyOf(whole, whole.length / 2)));
    return files;
  }

  private List<WebElement> rows() {
    return browser.findElements(By.cssSelector("#uploads .upload"));
  }

  private WebElement row(String fileName) {
    return rows().stream().filter(r -> r.findElement(By.className("name")).getText().equals(fileName))
        .findFirst().orElseThrow();
  }

  @Test
  void a_phone_pairs_uploads_twenty_photos_watches_each_reach_processed_and_browses() throws Exception {
    pairWithLink("Test iPhone");
    assertThat(FrameTestAccess.tokens(fixture.frame).list(TokenKind.DEVICE)).extracting(t -> t.name()).containsExactly("Test iPhone");

    List<Path> files = writePhotos();
    browser.findElement(By.id("choose")).sendKeys(String.join("\n", files.stream().map(Path::toString).toList()));
    await().atMost(PATIENCE).until(() -> rows().size() == files.size());
    await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() -> {
      for (Path file : files) {
        if (file.getFileName().toString().equals("damaged.jpg")) continue;
        WebElement row = row(file.getFileName().toString());
        assertThat(row.getAttribute("data-state")).as(file.toString()).isEqualTo("processed");
        assertThat(row.findElements(By.cssSelector(".thumb img"))).as("thumbnail of " + file).hasSize(1);
        assertThat(row.findElements(By.cssSelector(".step.done"))).hasSize(4);
      }
      WebElement damaged = row("damaged.jpg");
      assertThat(damaged.getAttribute("data-state")).isIn("failed", "rejected");
      assertThat(damaged.findElement(By.className("note")).getText()).startsWith("Failed: ").hasSizeGreaterThan(12);
    });
    // P4: the hostile name is text, never markup
    assertThat(row(XSS_NAME).findElement(By.className("name")).getText()).isEqualTo(XSS_NAME);
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    assertThat(noHorizontalScroll()).isTrue();
    screenshot("phone-uploads");

    // a duplicate says which photo it matches
    Path copy = TestImages.write(photos, "copy-of-beach.jpg", Files.readAllBytes(files.get(0)));
    browser.findElement(By.id("choose")).sendKeys(copy.toString());
    await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).untilAsserted(() ->
        assertThat(row("copy-of-beach.jpg").findElement(By.className("note")).getText())
            .contains("Already in FRAME").contains("beach-0.jpg"));

    browser.findElement(By.id("tab-library")).click();
    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#grid .tile img")).size() == 19);
    assertThat(browser.findElements(By.cssSelector("#grid .tile"))).hasSize(20);
    assertThat(noHorizontalScroll()).isTrue();
    screenshot("phone-library");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter"))).selectByValue("FAILED");
    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#grid .tile")).size() == 1);
    clickTile(tile -> true);
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("viewer-details")).getText().contains("Failed"));
    browser.findElement(By.id("viewer-close")).click();
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter"))).selectByValue("");
    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#grid .tile")).size() == 20);
    clickTile(tile -> "PROCESSED".equals(tile.getAttribute("data-status")));
    await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector("#viewer-picture img")).isEmpty());
    assertThat(browser.findElement(By.id("viewer-details")).getText()).contains("Size").contains("JPEG");
    screenshot("phone-viewer");
    browser.findElement(By.id("viewer-close")).click();

    // the narrowest phone and a desktop browser: still no horizontal scroll
    for (var screen : List.of(java.util.Map.of("width", 360, "height", 740, "mobile", true),
        java.util.Map.of("width", 1280, "height", 800, "mobile", false))) {
      java.util.Map<String, Object> metrics = new java.util.HashMap<>(screen);
      metrics.put("deviceScaleFactor", 1);
      browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", metrics);
      for (String tab : List.of("tab-upload", "tab-library")) {
        browser.findElement(By.id(tab)).click();
        await().atMost(PATIENCE).until(this::noHorizontalScroll);
      }
      await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#grid .tile img")).size() == 19);
      screenshot("library-" + screen.get("width"));
    }
  }

  // The grid is drawn again whenever the library changes (a live event after a filter, say),
  // so a tile found a moment ago may be gone by the click: find it again and click again.
  private void clickTile(java.util.function.Predicate<WebElement> which) {
    await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
      browser.findElements(By.cssSelector("#grid .tile")).stream().filter(which).findFirst().orElseThrow().click();
      return true;
    });
  }

  private boolean noHorizontalScroll() {
    return (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth");
  }

  @Test
  void the_page_stays_paired_across_a_reload_and_says_so_when_revoked_from_the_command_line() throws Exception {
    pairWithLink("Kitchen tablet");
    String token = (String) js("return JSON.parse(localStorage.getItem('frame.device')).token");
    assertThat(token).startsWith("frame_");

    browser.navigate().refresh();
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("main")).isDisplayed()
        && browser.findElement(By.id("connection")).getText().equals("Live"));
    assertThat(browser.findElement(By.id("device-name")).getText()).isEqualTo("Kitchen tablet");
    // P6: the long-lived token is in no URL the page asked for and not in its HTML
    @SuppressWarnings("unchecked")
    List<String> requested = (List<String>) js("return performance.getEntries().map(e => e.name)");
    assertThat(requested).isNotEmpty().noneMatch(url -> url.contains(token));
    assertThat(browser.getPageSource()).doesNotContain(token);

    // the command line works on a stopped FRAME: stop it, revoke, start it again on the same port
    int port = fixture.server.port();
    fixture.close();
    fixture = null;
    int exit = FrameCommand.commandLine().execute("--data-dir", dataDir.toString(), "token", "revoke", "Kitchen tablet");
    assertThat(exit).isZero();
    fixture = new ServerFixture(FrameFixture.open(dataDir), dataDir, s -> ServerSettings.defaults(port, false, dataDir),
        true);

    WebElement notice = visible("#pair-notice");
    assertThat(notice.getText()).contains("no longer paired");
    assertThat(browser.findElement(By.id("pairing")).isDisplayed()).isTrue();
    screenshot("phone-revoked");
    assertThat(js("return localStorage.getItem('frame.device')")).isNull();
  }

  @Test
  void a_person_typing_http_meets_the_browsers_warning_once_proceeds_and_is_told_why_it_appeared() throws Exception {
    browser.quit();
    browser = Chromium.phoneThatWarns(profile);
    browser.get("http://127.0.0.1:" + fixture.server.port() + "/");
    // the plain-HTTP request was sent on to https://, where the browser stops at its warning
    WebElement advanced = await().atMost(PATIENCE).ignoreExceptions()
        .until(() -> browser.findElement(By.id("details-button")), WebElement::isDisplayed);
    assertThat(browser.getCurrentUrl()).startsWith("https://127.0.0.1:" + fixture.server.port() + "/");
    assertThat(browser.findElements(By.id("pairing"))).as("no page of ours before the person decides").isEmpty();
    screenshot("phone-certificate-warning");
    advanced.click();
    browser.findElement(By.id("proceed-link")).click();

    visible("#pair-digits");
    WebElement why = browser.findElement(By.id("pair-certificate"));
    assertThat(why.isDisplayed()).isTrue();
    assertThat(why.getText()).contains("Did your browser warn you");
    why.findElement(By.tagName("summary")).click();
    assertThat(why.getText()).contains("FRAME made its own certificate").contains("still encrypted")
        .contains("fingerprint");
    screenshot("phone-certificate-explained");

    // accepted once: the next visit opens the page directly
    browser.get(base() + "/");
    visible("#pair-digits");
  }

  @Test
  void the_library_shows_the_filter_asked_last_even_when_an_earlier_answer_arrives_after_it() throws Exception {
    aFineAndABrokenPhotoInTheLibraryOfASlowPhone();

    // on a slow link the answer for every photo is held back two seconds; the FAILED filter's is not
    js("""
        const original = window.fetch;
        window.heldBack = 'waiting';
        window.fetch = (url, options) => {
          if (!String(url).startsWith('/api/images?') || String(url).includes('status=')) return original(url, options);
          return new Promise((resolve) => setTimeout(resolve, 2000))
              .then(() => original(url, options))
              .then((response) => { window.heldBack = 'answered'; return response; });
        };
        document.getElementById('filter').dispatchEvent(new Event('change'));
        """);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter"))).selectByValue("FAILED");
    await().atMost(PATIENCE).until(() -> "answered".equals(js("return window.heldBack")));
    Thread.sleep(500); // the late answer's body read and drawn, had it been drawn (milliseconds)
    assertThat(tileStatuses()).containsExactly("FAILED");
    assertThat(browser.findElement(By.id("filter")).getAttribute("value")).isEqualTo("FAILED");
  }

  @Test
  void a_thumbnail_that_arrives_after_its_grid_was_replaced_is_not_drawn_and_its_blob_is_let_go() {
    aFineAndABrokenPhotoInTheLibraryOfASlowPhone();

    // the grid is drawn again, and its thumbnail is held back until the test lets it go
    js("""
        window.created = [];
        window.revoked = [];
        const create = URL.createObjectURL.bind(URL);
        const revoke = URL.revokeObjectURL.bind(URL);
        URL.createObjectURL = (blob) => { const url = create(blob); window.created.push(url); return url; };
        URL.revokeObjectURL = (url) => { window.revoked.push(url); revoke(url); };
        const original = window.fetch;
        let release;
        const held = new Promise((resolve) => { release = resolve; });
        window.releaseThumbnail = release;
        window.fetch = (url, options) => {
          if (!String(url).includes('/thumbnail/')) return original(url, options);
          // asked while the tiles are made: they are in the grid once the drawing is done
          queueMicrotask(() => { window.heldTiles = [...document.querySelectorAll('#grid .tile-picture')]; });
          return held.then(() => original(url, options));
        };
        document.getElementById('filter').dispatchEvent(new Event('change'));
        """);
    await().atMost(PATIENCE).until(() -> js("return window.heldTiles") != null);
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter"))).selectByValue("FAILED");
    await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .until(() -> tileStatuses().equals(List.of("FAILED")));

    js("window.releaseThumbnail()");
    // the blob URL is made and handled in one go, so once it exists its fate is decided
    await().atMost(PATIENCE).until(() -> ((Number) js("return window.created.length")).intValue() >= 1);
    assertThat(js("return window.revoked.includes(window.created[0])")).as("its blob let go at once").isEqualTo(true);
    assertThat(js("return window.heldTiles.some((picture) => picture.querySelector('img'))"))
        .as("nothing drawn into the tiles of the replaced grid").isEqualTo(false);
  }

  private void aFineAndABrokenPhotoInTheLibraryOfASlowPhone() {
    fixture.frame.ports().imports().importFile(TestImages.write(photos, "fine.jpg", jpeg(photo(400, 300, 5))));
    byte[] whole = jpeg(photo(800, 600, 6));
    fixture.frame.ports().imports().importFile(TestImages.write(photos, "broken.jpg", Arrays.copyOf(whole, whole.length / 2)));
    pairWithLink("Slow phone");
    browser.findElement(By.id("tab-library")).click();
    await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
        .until(() -> tileStatuses().stream().sorted().toList().equals(List.of("FAILED", "PROCESSED")));
  }

  private List<String> tileStatuses() {
    return browser.findElements(By.cssSelector("#grid .tile")).stream().map(t -> t.getAttribute("data-status")).toList();
  }

  @Test
  void unpaired_in_the_window_while_the_page_is_open_the_page_says_so_by_itself() throws Exception {
    pairWithLink("Studio iPad");
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("connection")).getText().equals("Live"));
    long id = FrameTestAccess.tokens(fixture.frame).list(TokenKind.DEVICE).get(0).id();
    assertThat(FrameTestAccess.tokens(fixture.frame).revoke(id)).isTrue(); // what the Server pane's Unpair does
    // no click, no reload: the stream is closed at its next ping and the page learns why
    WebElement notice = visible("#pair-notice");
    assertThat(notice.getText()).contains("no longer paired");
    assertThat(browser.findElement(By.id("main")).isDisplayed()).isFalse();
  }

  @Test
  void six_digits_typed_by_hand_pair_a_laptop_and_a_used_code_says_so_plainly() {
    fixture.frame.ports().imports().importFile(TestImages.write(photos, "private.jpg", jpeg(photo(300, 200, 4))));
    PairingCode code = FrameTestAccess.pairings(fixture.frame).create();
    browser.get(base() + "/");
    visible("#pair-digits");
    // an unpaired browser sees the pairing form and nothing of the library
    assertThat(browser.findElement(By.id("main")).isDisplayed()).isFalse();
    assertThat(browser.findElements(By.cssSelector("#grid .tile"))).isEmpty();
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[0]; fetch('/api/images').then(r => done(r.status));");
    assertThat(status).isEqualTo(401L);
    browser.findElement(By.id("pair-digits")).sendKeys(code.digits());
    browser.findElement(By.id("pair-submit")).click();
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("main")).isDisplayed());

    js("localStorage.clear()");
    browser.get(base() + "/");
    visible("#pair-digits").sendKeys(code.digits());
    browser.findElement(By.id("pair-submit")).click();
    await().atMost(PATIENCE).until(() -> browser.findElement(By.id("pair-message")).getText().contains("used already"));
  }

  @Test
  void p5_a_page_from_another_origin_cannot_pair_or_post_even_knowing_the_code() throws Exception {
    PairingCode code = FrameTestAccess.pairings(fixture.frame).create();
    String target = base();
    // the attacker's page: another origin on this machine, with no policy of ours
    com.sun.net.httpserver.HttpServer evil = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    byte[] page = "<!doctype html><title>evil</title><p>hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    evil.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    evil.start();
    try {
      browser.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
      Object outcome = ((JavascriptExecutor) browser).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array([255, 216, 255])]), 'x.jpg');
          Promise.all([
            fetch(arguments[0] + '/api/pair', {method: 'POST', mode: 'no-cors', body: JSON.stringify({code: arguments[1]})}),
            fetch(arguments[0] + '/api/upload', {method: 'POST', mode: 'no-cors', body: form}),
          ]).then(() => done('sent'), (e) => done('blocked: ' + e));
          """, target, code.digits());
      assertThat(outcome).isEqualTo("sent");
    } finally {
      evil.stop(0);
    }
    assertThat(FrameTestAccess.tokens(fixture.frame).list(TokenKind.DEVICE)).as("the Origin check refused the pairing").isEmpty();
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();
    assertThat(FrameTestAccess.pairings(fixture.frame).redeem(code.digits(), "Real phone").deviceName()).isEqualTo("Real phone");
  }

  @Test
  void p7_an_upload_without_a_connection_is_retried_then_says_what_failed_and_retry_sends_it() throws Exception {
    pairWithLink("Phone");
    Path file = TestImages.write(photos, "offline.jpg", jpeg(photo(500, 400, 11)));
    org.openqa.selenium.chromium.ChromiumNetworkConditions offline =
        new org.openqa.selenium.chromium.ChromiumNetworkConditions();
    offline.setOffline(true);
    browser.setNetworkConditions(offline);
    browser.findElement(By.id("choose")).sendKeys(file.toString());
    await().atMost(PATIENCE).until(() -> rows().size() == 1
        && "retrying".equals(row("offline.jpg").getAttribute("data-state")));
    await().atMost(PATIENCE).until(() -> "failed".equals(row("offline.jpg").getAttribute("data-state")));
    assertThat(row("offline.jpg").findElement(By.className("note")).getText())
        .contains("Upload failed").contains("connection").contains("Nothing was stored");
    screenshot("phone-offline");
    assertThat(fixture.frame.ports().library().countIn(null)).isZero();

    browser.deleteNetworkConditions();
    row("offline.jpg").findElement(By.className("retry")).click();
    await().atMost(PATIENCE).until(() -> "processed".equals(row("offline.jpg").getAttribute("data-state")));
    assertThat(fixture.frame.ports().library().countIn(null)).isEqualTo(1);
  }

  @Test
  void u1_an_upload_cut_off_by_a_frame_restart_resumes_after_a_reload_and_says_where() throws Exception {
    pairWithLink("Hotel phone");
    byte[] bytes = padded(jpeg(photo(800, 600, 21)), 12 << 20);
    Path file = TestImages.write(photos, "hotel.jpg", bytes);
    // the link hangs after the first chunk: later PATCHes are never sent, as on a dead Wi-Fi
    js("""
        const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
        let patches = 0;
        XMLHttpRequest.prototype.open = function (method, ...rest) { this.method = method; return open.call(this, method, ...rest); };
        XMLHttpRequest.prototype.send = function (body) {
          if (this.method === 'PATCH' && ++patches > 1) return;
          return send.call(this, body);
        };
        """);
    browser.findElement(By.id("choose")).sendKeys(file.toString());
    Path tus = dataDir.resolve("tus");
    await().atMost(PATIENCE).until(() -> acknowledgedBytes(tus) == 4L << 20);

    int port = fixture.server.port();
    fixture.close();
    fixture = new ServerFixture(FrameFixture.open(dataDir), dataDir, s -> ServerSettings.defaults(port, false, dataDir),
        true); // the same HTTPS server, as a restarted FRAME is
    browser.navigate().refresh();
    browser.findElement(By.id("choose")).sendKeys(file.toString());
    await().atMost(PATIENCE).until(() -> rows().size() == 1 && "processed".equals(row("hotel.jpg").getAttribute("data-state")));
    assertThat(row("hotel.jpg").findElement(By.className("resumed")).getText()).isEqualTo("resumed at 33%");
    screenshot("phone-resumed");
    var images = fixture.frame.ports().library().list(frame.core.api.library.ImageQuery.all());
    assertThat(images).hasSize(1);
    assertThat(Files.readAllBytes(fixture.frame.ports().library().files(images.get(0)).original())).isEqualTo(bytes);
  }

  /** The durable offset of the one unfinished upload, from its state file. */
  private static long acknowledgedBytes(Path tus) throws Exception {
    if (!Files.isDirectory(tus)) return -1;
    try (var states = Files.list(tus)) {
      List<Path> json = states.filter(p -> p.toString().endsWith(".json")).toList();
      if (json.size() != 1) return -1;
      return ApiClient.JSON.readTree(json.get(0).toFile()).get("offset").asLong();
    }
  }

  /** A real JPEG padded after its end marker (decoders ignore it) to {@code size} bytes. */
  private static byte[] padded(byte[] jpeg, int size) {
    byte[] bytes = Arrays.copyOf(jpeg, size);
    for (int i = jpeg.length; i < size; i++) bytes[i] = (byte) (i * 31);
    return bytes;
  }

  @Test
  void the_page_hashes_with_its_own_sha256_where_webcrypto_is_missing() {
    browser.get(base() + "/");
    byte[] bytes = jpeg(photo(300, 200, 3));
    String expected = java.util.HexFormat.of().formatHex(sha256(bytes));
    Object actual = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
        import('/web/sha256.js').then(m => done(m.sha256Bytes(bytes)));
        """, java.util.Base64.getEncoder().encodeToString(bytes));
    assertThat(actual).isEqualTo(expected);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
