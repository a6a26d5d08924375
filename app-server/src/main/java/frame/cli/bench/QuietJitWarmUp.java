package frame.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Warming worker nodes until their JIT is quiet, so a figure measures the steady state a studio's
 * long-running nodes work in, not each JVM compiling the same code: rounds of work until the
 * compiler threads used less than {@link #QUIET_SHARE} of the nodes' CPU in a round, twice in a
 * row. Not zero: C2 goes on compiling a little for tens of thousands of jobs (10-20 % of a round
 * in rounds of 10 000 jobs, measured on 2 cores), and a round's share is read in 10 ms ticks.
 * Where the compiler threads cannot be read (not Linux), rounds until the nodes' CPU a round is
 * no longer falling, as the warm import figure does with its time ({@link SteadyWarmUp}).
 */
final class QuietJitWarmUp {
  /** The compiler threads' share of the nodes' CPU in a round under which the JIT counts as quiet. */
  static final double QUIET_SHARE = 0.20;
  private static final int QUIET_ROUNDS_IN_A_ROW = 2;

  /** The nodes' CPU (all threads) and their compiler threads' CPU, in nanoseconds; compiler -1 if unknown. */
  record Usage(long cpuNanos, long compilerNanos) {
    Usage since(Usage before) {
      long compiler = compilerNanos < 0 || before.compilerNanos < 0 ? -1 : compilerNanos - before.compilerNanos;
      return new Usage(cpuNanos - before.cpuNanos, compiler);
    }

    /** The compiler threads' share of the CPU, or -1 if unknown. */
    double compilingShare() {
      return compilerNanos < 0 || cpuNanos <= 0 ? -1 : compilerNanos / (double) cpuNanos;
    }
  }

  /** One round of work on the nodes; returns when it is done. */
  interface Round {
    void run() throws Exception;
  }

  /** How the warm-up went: its wall-clock seconds, each round's compiling share (empty if unknown), and whether it ended quiet. */
  record Outcome(int rounds, double seconds, List<Double> compilingShares, boolean quiet) {}

  private QuietJitWarmUp() {}

  static Outcome run(int most, Supplier<Usage> usage, Round round) throws Exception {
    long start = System.nanoTime();
    if (usage.get().compilerNanos() < 0) {
      int rounds = SteadyWarmUp.run(3, most, n -> {
        Usage before = usage.get();
        round.run();
        return usage.get().since(before).cpuNanos() / 1e9;
      });
      return new Outcome(rounds, (System.nanoTime() - start) / 1e9, List.of(), rounds < most);
    }
    List<Double> shares = new ArrayList<>();
    int quietInARow = 0;
    while (shares.size() < most && quietInARow < QUIET_ROUNDS_IN_A_ROW) {
      Usage before = usage.get();
      round.run();
      double share = usage.get().since(before).compilingShare();
      shares.add(share);
      quietInARow = share < QUIET_SHARE ? quietInARow + 1 : 0;
    }
    return new Outcome(shares.size(), (System.nanoTime() - start) / 1e9, List.copyOf(shares),
        quietInARow >= QUIET_ROUNDS_IN_A_ROW);
  }
}
