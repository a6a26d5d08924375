package frame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class SubcommandsTest {
  @TempDir Path dataDir;

  @Test
  void every_listed_name_is_the_name_its_command_declares_in_help_order() {
    assertThat(FrameCommand.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(Subcommands.names());
  }

  @Test
  void a_run_that_names_a_subcommand_builds_only_that_one() {
    for (String name : Subcommands.names()) {
      if (name.equals("help")) continue;
      assertThat(FrameCommand.commandLine("--data-dir", "x", name).getSubcommands()).containsOnlyKeys(name);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "->", textBlock = """
      import a.jpg                   -> import
      --data-dir d import a.jpg      -> import
      --data-dir=d --workers 2 jobs  -> jobs
      --workers=2 token list         -> token
      --help                         -> ''
      -V                             -> ''
      imprt a.jpg                    -> ''
      @options.txt                   -> ''
      --data-dir import              -> ''
      """)
  void the_subcommand_is_the_first_argument_that_is_no_option_of_frame(String line, String expected) {
    String named = Subcommands.named(line.split(" "));
    assertThat(named == null ? "" : named).isEqualTo(expected);
  }

  @Test
  void help_still_lists_every_command() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = FrameCommand.commandLine("--help");
    commandLine.setOut(new PrintWriter(out));

    assertThat(commandLine.execute("--help")).isZero();

    assertThat(out.toString()).contains("import ").contains("serve ").contains("nodes ").doesNotContain("aot-training");
  }

  @Test
  void a_mistyped_command_is_answered_as_before_with_a_suggestion() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = FrameCommand.commandLine("imprt", "a.jpg");
    commandLine.setErr(new PrintWriter(err));

    assertThat(commandLine.execute("imprt", "a.jpg")).isEqualTo(2);

    assertThat(err.toString()).contains("Unmatched arguments").contains("import");
  }

  @Test
  void options_of_frame_given_after_the_subcommand_still_reach_it() {
    CommandRun run = CommandRun.of(dataDir, "queue");

    assertThat(run.exitCode()).isZero();
    assertThat(dataDir.resolve("db")).exists();
  }
}
