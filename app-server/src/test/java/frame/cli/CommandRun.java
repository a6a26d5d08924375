package frame.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the {@code frame} command in this JVM on a data folder: its exit code and what it printed. */
public record CommandRun(int exitCode, String out, String err) {
  public static CommandRun of(Path dataDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = FrameCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data-dir", dataDir.toString()));
    return new CommandRun(commandLine.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }
}
