package frame.cli;

import frame.cli.remote.HttpPorts;
import java.util.function.UnaryOperator;
import frame.core.api.config.ConfigLoader;
import frame.core.api.FrameLibrary;
import frame.core.api.config.FrameConfig;
import frame.core.api.FrameException;
import frame.server.LocalEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code frame} command and the options every subcommand shares; its subcommands are in {@link Subcommands}. */
@Command(
    name = "frame",
    mixinStandardHelpOptions = true,
    versionProvider = FrameCommand.Version.class,
    description = "FRAME: stores your photos safely and makes thumbnails, previews and metadata.",
    footer = {"", "While a FRAME runs on the data folder (the window or 'frame serve'), import, images, shoots, culling, "
        + "export, remove, trash, archive, safe, scrub, jobs, queue, regenerate, token, pair, backup and adopt talk "
        + "to it; otherwise they open the data folder themselves. restore and recover need FRAME stopped."})
public final class FrameCommand {

  @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Data folder (default: FRAME_HOME, else the platform's per-user data folder).")
  Path dataDir;

  @Option(names = "--workers", scope = ScopeType.INHERIT, paramLabel = "N",
      description = "Job worker threads (default: FRAME_WORKERS, else twice the number of CPUs).")
  Integer workers;

  /** Runs a command line as {@code frame} does; the exit code. */
  public static int run(String... args) {
    StartupWarmUp warmUp = StartupWarmUp.beginFor(args);
    CommandLine commandLine = commandLine(args); // picocli's reflection, beside logging's set-up
    warmUp.awaitLogging();
    return commandLine.execute(args);
  }

  /** Every subcommand: for help, for an unknown command, and for tests. */
  public static CommandLine commandLine() {
    return withHandlers(Subcommands.all(new CommandLine(new FrameCommand())));
  }

  /**
   * The command line that runs {@code args}: only the subcommand they name is built when they name
   * one: picocli reflects over every command it is given, and the other fifteen cost 0.2-0.4 s of a cold start.
   */
  public static CommandLine commandLine(String... args) {
    return withHandlers(Subcommands.forArgs(new CommandLine(new FrameCommand()), args));
  }

  private static CommandLine withHandlers(CommandLine commandLine) {
    // --status failed as --status FAILED, in every subcommand: the API takes either case too
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      // Problems a person can act on are one plain line; anything else is a bug and shows its trace.
      if (e instanceof FrameException || e instanceof IllegalArgumentException) {
        cmd.getErr().println("frame: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    return commandLine;
  }

  FrameConfig config() {
    return config(loader -> loader);
  }

  /** The configuration, with a subcommand's own flags added to the shared ones. */
  FrameConfig config(UnaryOperator<ConfigLoader> moreFlags) {
    return moreFlags.apply(ConfigLoader.fromEnvironment()
        .flag("FRAME_HOME", dataDir)
        .flag("FRAME_WORKERS", workers))
        .load();
  }

  FrameLibrary open() {
    return FrameLibrary.open(config());
  }

  /**
   * The FRAME of the data folder for a command that works either way: the one already running
   * there (window, {@code frame serve}), over its loopback API, or else opened here.
   */
  FrameLibrary access() {
    return access(this::open);
  }

  /** {@link #access()}, but a folder opened here only looks: its runner never starts. */
  FrameLibrary accessWithoutRunner() {
    return access(this::openWithoutRunner);
  }

  private FrameLibrary access(java.util.function.Supplier<FrameLibrary> direct) {
    FrameConfig config = config();
    Optional<LocalEndpoint.Published> running = LocalEndpoint.discover(config.dataDir());
    return running.isPresent() ? new HttpPorts(running.get(), config) : direct.get();
  }

  /** A FRAME that only looks: its runner never starts, so it claims nothing and is no node. */
  FrameLibrary openWithoutRunner() {
    FrameConfig config = config();
    return FrameLibrary.openWithoutRunner(config);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = FrameCommand.class.getResourceAsStream("/frame/cli/version.properties")) {
        if (in != null) properties.load(in);
      }
      List<String> lines = new ArrayList<>();
      lines.add("FRAME " + properties.getProperty("version", "development"));
      lines.add("Codecs:");
      for (String codec : FrameLibrary.codecs()) lines.add("  " + codec);
      return lines.toArray(String[]::new);
    }
  }
}
