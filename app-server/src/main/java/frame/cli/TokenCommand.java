package frame.cli;

import frame.core.Frame;
import frame.core.auth.ApiTokens;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "token", mixinStandardHelpOptions = true, description = "API tokens for other devices.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {
  @ParentCommand FrameCommand frameCommand;

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; it is shown only once.")
  static final class Create implements Callable<Integer> {
    @ParentCommand TokenCommand token;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "A name to know it by, e.g. phone or nas.") String name;

    @Override
    public Integer call() {
      try (Frame frame = token.frameCommand.open()) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(frame.tokens().create(name));
        spec.commandLine().getErr().println("Token '" + name + "' created. Copy it now: FRAME keeps only its hash.");
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List active tokens (names only).")
  static final class ListTokens implements Callable<Integer> {
    @ParentCommand TokenCommand token;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Frame frame = token.frameCommand.open()) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-26s %s%n", "NAME", "CREATED", "LAST USED");
        for (ApiTokens.TokenInfo t : frame.tokens().list()) {
          out.printf("%-24s %-26s %s%n", t.name(), t.createdAt(), t.lastUsedAt() == null ? "never" : t.lastUsedAt());
        }
        return 0;
      }
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand TokenCommand token;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "NAME") String name;

    @Override
    public Integer call() {
      try (Frame frame = token.frameCommand.open()) {
        if (frame.tokens().revoke(name)) {
          spec.commandLine().getOut().println("Revoked '" + name + "'.");
          return 0;
        }
        spec.commandLine().getErr().println("frame: no active token named '" + name + "'");
        return 1;
      }
    }
  }
}
