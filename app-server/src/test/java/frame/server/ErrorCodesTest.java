package frame.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the sources for the error codes they throw, so a new one cannot silently become a 500 or go
 * undocumented. app-core and the server are read; the command line's own codes (its HTTP client,
 * start-up refusals) are thrown in its process and never answer a request.
 */
class ErrorCodesTest {
  private static final Path ROOT = Path.of("..");
  private static final Path CORE = ROOT.resolve("app-core/src/main/java");
  private static final Path SERVER = ROOT.resolve("app-server/src/main/java/frame/server");

  private static final Pattern LITERAL = Pattern.compile("new FrameException\\(\\s*\"([a-z_]+)\"");
  private static final Pattern SUBCLASS = Pattern.compile("super\\(\\s*\"([a-z_]+)\"");
  private static final Pattern CONSTANT = Pattern.compile("new FrameException\\(\\s*([A-Z_]+)\\s*,");
  private static final Pattern VARIABLE = Pattern.compile("new FrameException\\(\\s*([a-z]\\w*)\\s*,");
  /** Helpers that pass their code on to {@code new FrameException(code, ...)}, by the file that has them. */
  private static final Map<String, String> PASSING_ON = Map.of("JobControl.java", "conflict");

  private static final Pattern API_ERROR = Pattern.compile(
      "(?:new ApiError\\(\\s*\\d+,\\s*|badRequest\\(\\s*|respond\\(ctx, \\d+, |Rejected\\([^,]+,\\s*)\"([a-z_]+)\"");

  @Test
  void every_frame_exception_code_is_mapped_to_a_status_or_named_a_server_fault() {
    Map<String, Path> thrown = frameExceptionCodes();
    assertThat(thrown).as("the scan finds the codes").containsKeys("not_stacked", "job_changed", "port_in_use",
        "backup_refused", "database_error");

    Set<String> neither = new TreeSet<>(thrown.keySet());
    neither.removeAll(ErrorMapping.STATUS_BY_CODE.keySet());
    neither.removeAll(ErrorMapping.SERVER_FAULTS);
    assertThat(neither).as("codes that would answer 500 internal_error: give each a status in"
        + " ErrorMapping.STATUS_BY_CODE, or list it in SERVER_FAULTS; thrown in %s", thrown).isEmpty();
  }

  @Test
  void no_code_is_both_a_client_answer_and_a_server_fault() {
    assertThat(ErrorMapping.SERVER_FAULTS).doesNotContainAnyElementsOf(ErrorMapping.STATUS_BY_CODE.keySet());
  }

  @Test
  void docs_api_md_lists_every_error_code_the_api_answers_with() throws IOException {
    String docs = Files.readString(ROOT.resolve("docs/api.md"));
    Set<String> codes = new TreeSet<>(ErrorMapping.STATUS_BY_CODE.keySet());
    codes.addAll(matches(SERVER, API_ERROR).keySet());
    codes.addAll(matches(CORE, Pattern.compile("Rejected\\([^,]+,\\s*\"([a-z_]+)\"")).keySet());
    codes.addAll(Set.of("internal_error", "not_found", "too_large", "method_not_allowed"));
    codes.removeIf(code -> code.endsWith("_")); // built at run time: invalid_ + a tus header's name

    assertThat(codes.stream().filter(code -> !docs.contains("`" + code + "`")))
        .as("error codes missing from docs/api.md's table").isEmpty();
  }

  private static Map<String, Path> frameExceptionCodes() {
    Map<String, Path> codes = new TreeMap<>();
    for (Path root : new Path[] {CORE, SERVER}) {
      for (Path file : javaFiles(root)) {
        String source = read(file);
        String name = file.getFileName().toString();
        find(LITERAL, source).forEach(code -> codes.put(code, file));
        if (source.contains("extends FrameException")) find(SUBCLASS, source).forEach(code -> codes.put(code, file));
        for (String constant : find(CONSTANT, source)) {
          Matcher value = Pattern.compile("String " + constant + "\\s*=\\s*\"([a-z_]+)\"").matcher(source);
          assertThat(value.find()).as("%s: the constant %s is a string literal in the same file", file, constant).isTrue();
          codes.put(value.group(1), file);
        }
        for (String variable : find(VARIABLE, source)) {
          String helper = PASSING_ON.get(name);
          assertThat(helper).as("%s throws a FrameException with the code in '%s': teach this test where"
              + " its codes come from", file, variable).isNotNull();
          find(Pattern.compile(helper + "\\(\\s*\"([a-z_]+)\""), source).forEach(code -> codes.put(code, file));
        }
      }
    }
    return codes;
  }

  private static Map<String, Path> matches(Path root, Pattern pattern) {
    Map<String, Path> codes = new TreeMap<>();
    for (Path file : javaFiles(root)) find(pattern, read(file)).forEach(code -> codes.put(code, file));
    return codes;
  }

  private static Set<String> find(Pattern pattern, String source) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(source);
    while (matcher.find()) found.add(matcher.group(1));
    return found;
  }

  private static java.util.List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
