package frame.cli.bench;

/**
 * Warming a long-running FRAME until its JIT is steady: rounds until one is no longer 3 % faster
 * than the best before it, twice in a row, between a least and a most number of rounds.
 */
final class SteadyWarmUp {
  /** One round of work, numbered from 0; its seconds. */
  interface Round {
    double seconds(int round) throws Exception;
  }

  private SteadyWarmUp() {}

  /** Runs the warm-up rounds; how many it took. */
  static int run(int least, int most, Round round) throws Exception {
    int done = 0;
    double best = Double.POSITIVE_INFINITY;
    int notFaster = 0;
    while (done < most && (done < least || notFaster < 2)) {
      double seconds = round.seconds(done++);
      if (seconds < best * 0.97) notFaster = 0;
      else notFaster++;
      best = Math.min(best, seconds);
    }
    return done;
  }
}
