package frame.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * The subcommands of {@code frame}, in the order its help lists them. A run that names one gets
 * only that one: what picocli does not build, it does not reflect over at start-up.
 */
final class Subcommands {
  /** Options of {@code frame} itself that take a value in the next argument. */
  private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--data-dir", "--workers");

  /** By the name in each command's {@code @Command} (SubcommandsTest checks they agree). */
  private static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("import", ImportCommand.class);
    ALL.put("images", ImagesCommand.class);
    ALL.put("shoots", ShootsCommand.class);
    ALL.put("culling", CullingCommand.class);
    ALL.put("export", ExportCommand.class);
    ALL.put("remove", RemoveCommand.class);
    ALL.put("trash", TrashCommand.class);
    ALL.put("archive", ArchiveCommand.class);
    ALL.put("safe", SafeCommand.class);
    ALL.put("scrub", ScrubCommand.class);
    ALL.put("jobs", JobsCommand.class);
    ALL.put("queue", QueueCommand.class);
    ALL.put("regenerate", RegenerateCommand.class);
    ALL.put("serve", ServeCommand.class);
    ALL.put("token", TokenCommand.class);
    ALL.put("pair", PairCommand.class);
    ALL.put("discover", DiscoverCommand.class);
    ALL.put("bench", BenchCommand.class);
    ALL.put("worker", WorkerCommand.class);
    ALL.put("nodes", NodesCommand.class);
    ALL.put("backup", BackupCommand.class);
    ALL.put("restore", RestoreCommand.class);
    ALL.put("adopt", AdoptCommand.class);
    ALL.put("recover", RecoverCommand.class);
    ALL.put("aot-training", AotTrainingCommand.class);
    ALL.put("help", CommandLine.HelpCommand.class);
  }

  private Subcommands() {}

  static CommandLine all(CommandLine frame) {
    for (Class<?> command : ALL.values()) frame.addSubcommand(command);
    return frame;
  }

  /** Only the subcommand {@code args} name; all of them when they name none (help, a typo, an @file). */
  static CommandLine forArgs(CommandLine frame, String... args) {
    String name = named(args);
    if (name == null || name.equals("help")) return all(frame);
    return frame.addSubcommand(ALL.get(name));
  }

  /** The first argument that is not one of frame's own options or their values, if it is a known subcommand. */
  static String named(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
      } else if (OPTIONS_WITH_VALUE.stream().noneMatch(option -> arg.startsWith(option + "="))) {
        return ALL.containsKey(arg) ? arg : null;
      }
    }
    return null;
  }

  static Set<String> names() {
    return ALL.keySet();
  }
}
