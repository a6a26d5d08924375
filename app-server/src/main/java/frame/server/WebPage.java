package frame.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phone page: plain HTML, CSS and JavaScript modules read from the jar once at start. It
 * holds no secrets, so it is public; everything it shows comes from the API with the device's
 * token. A fixed list of files, each its own route, so the route walk in the tests sees them.
 */
final class WebPage {
  static final String FOLDER = "/frame/server/web/";
  static final Map<String, String> FILES = fileTypes();

  private WebPage() {}

  private static Map<String, String> fileTypes() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("index.html", "text/html; charset=utf-8");
    files.put("app.css", "text/css; charset=utf-8");
    for (String module : new String[] {"app.js", "api.js", "pairing.js", "uploads.js", "library.js", "sha256.js",
        "dom.js"}) {
      files.put(module, "text/javascript; charset=utf-8");
    }
    files.put("icon.svg", "image/svg+xml");
    // tus-js-client, vendored from npm with its licence (see the licence file for the version)
    files.put("tus.min.js", "text/javascript; charset=utf-8");
    files.put("tus-js-client-LICENSE.txt", "text/plain; charset=utf-8");
    return files;
  }

  /** The route path of a file: {@code /} for the page itself, {@code /web/<name>} for the rest. */
  static String routeOf(String file) {
    return file.equals("index.html") ? "/" : "/web/" + file;
  }

  static Handler handler(String file) {
    byte[] bytes = read(file);
    String type = FILES.get(file);
    return (Context ctx) -> {
      ctx.header("Cache-Control", "no-cache");
      ctx.contentType(type).result(bytes);
    };
  }

  private static byte[] read(String file) {
    try (InputStream in = WebPage.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) throw new IllegalStateException(file + " missing from the build");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
