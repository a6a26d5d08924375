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
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data-dir", dataDir.toString()));
    String[] line = all.toArray(String[]::new);
    CommandLine commandLine = FrameCommand.commandLine(line); // as ServerMain builds it
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return new CommandRun(commandLine.execute(line), out.toString(), err.toString());
  }
}
