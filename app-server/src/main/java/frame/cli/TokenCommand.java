package frame.cli;

import frame.core.api.FrameLibrary;
import frame.core.api.devices.TokenInfo;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true,
    description = "API tokens: admin tokens for scripts, and the device tokens of paired phones and laptops.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {
  private static final java.time.format.DateTimeFormatter MINUTES =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault());

  @ParentCommand FrameCommand frameCommand;

  static String minutes(java.time.Instant instant) {
    return MINUTES.format(instant);
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an admin token; it is shown only once. Phones pair instead: see 'frame pair'.")
  static final class Create implements Callable<Integer> {
    @ParentCommand TokenCommand token;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "A name to know it by, e.g. phone or nas.") String name;

    @Override
    public Integer call() {
      try (FrameLibrary frame = token.frameCommand.access()) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(frame.ports().devices().createToken(name));
        spec.commandLine().getErr().println("Token '" + name + "' created. Copy it now: FRAME keeps only its hash.");
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List active tokens and paired devices: name, kind (admin or device), created, last seen.")
  static final class ListTokens implements Callable<Integer> {
    @ParentCommand TokenCommand token;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (FrameLibrary frame = token.frameCommand.access()) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-32s %-7s %-20s %s%n", "NAME", "KIND", "CREATED", "LAST SEEN");
        for (TokenInfo t : frame.ports().devices().tokens()) {
          out.printf("%-32s %-7s %-20s %s%n", t.name(), t.kind().label(), minutes(t.createdAt()),
              t.lastUsedAt() == null ? "never" : minutes(t.lastUsedAt()));
        }
        return 0;
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a token or unpair a device at once (quote names with spaces).")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand TokenCommand token;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "The name as 'frame token list' shows it.")
    java.util.List<String> words;

    @Override
    public Integer call() {
      String name = String.join(" ", words);
      try (FrameLibrary frame = token.frameCommand.access()) {
        if (frame.ports().devices().revoke(name)) {
          spec.commandLine().getOut().println("Revoked '" + name + "'.");
          return 0;
        }
        spec.commandLine().getErr().println("frame: no active token named '" + name + "'");
        return 1;
      }
    }
  }
}
