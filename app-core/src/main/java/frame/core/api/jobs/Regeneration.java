package frame.core.api.jobs;

import java.util.List;

/**
 * What a regeneration did: the photos sent back through the steps, and those of the selection
 * left as they are because they were still on their way (their files are being made anyway).
 */
public record Regeneration(List<Long> sentBack, List<Long> stillProcessing) {
  public Regeneration {
    sentBack = List.copyOf(sentBack);
    stillProcessing = List.copyOf(stillProcessing);
  }
}
