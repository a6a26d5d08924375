package frame.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The studio bench's warm-up ends once the nodes' JIT is quiet, not after a fixed count: a single
 * quiet round among busy ones does not end it, and it gives up (saying so) after the most rounds.
 */
class QuietJitWarmUpTest {
  /** Nodes whose rounds each use 100 ms of CPU, of it the next scripted share compiling. */
  private static final class ScriptedNodes {
    private final List<Double> compilingShares;
    private final boolean compilerKnown;
    private long cpu;
    private long compiler;
    private int rounds;

    ScriptedNodes(boolean compilerKnown, Double... compilingShares) {
      this.compilerKnown = compilerKnown;
      this.compilingShares = List.of(compilingShares);
    }

    QuietJitWarmUp.Usage usage() {
      return new QuietJitWarmUp.Usage(cpu, compilerKnown ? compiler : -1);
    }

    void round() {
      double share = compilingShares.get(Math.min(rounds++, compilingShares.size() - 1));
      long used = 100_000_000L;
      cpu += used;
      compiler += (long) (used * share);
    }
  }

  @Test
  void endsAfterTwoQuietRoundsInARowAndReportsEachRoundsShare() throws Exception {
    ScriptedNodes nodes = new ScriptedNodes(true, 0.6, 0.1, 0.4, 0.3, 0.15, 0.05, 0.5);
    QuietJitWarmUp.Outcome outcome = QuietJitWarmUp.run(20, nodes::usage, nodes::round);
    assertThat(outcome.quiet()).isTrue();
    assertThat(outcome.rounds()).isEqualTo(6);
    assertThat(outcome.compilingShares()).containsExactly(0.6, 0.1, 0.4, 0.3, 0.15, 0.05);
  }

  @Test
  void givesUpAfterTheMostRoundsAndSaysTheJitIsNotQuiet() throws Exception {
    ScriptedNodes nodes = new ScriptedNodes(true, 0.5);
    QuietJitWarmUp.Outcome outcome = QuietJitWarmUp.run(5, nodes::usage, nodes::round);
    assertThat(outcome.quiet()).isFalse();
    assertThat(outcome.rounds()).isEqualTo(5);
  }

  @Test
  void withoutCompilerThreadsItRunsUntilTheCpuOfARoundStopsFalling() throws Exception {
    ScriptedNodes nodes = new ScriptedNodes(false, 0.0);
    QuietJitWarmUp.Outcome outcome = QuietJitWarmUp.run(20, nodes::usage, nodes::round);
    assertThat(outcome.compilingShares()).isEmpty();
    assertThat(outcome.quiet()).isTrue();
    assertThat(outcome.rounds()).isEqualTo(3); // the least: every round costs the same
  }
}
