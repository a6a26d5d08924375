package frame.server.localsend;

import java.util.concurrent.CompletableFuture;

/**
 * Who accepts a session that came without the PIN: the window asks the photographer
 * (sender alias, file count and size); headless, no one does, so only the PIN lets a sender in.
 */
@FunctionalInterface
public interface Approval {
  Approval NOBODY = offer -> CompletableFuture.completedFuture(false);

  CompletableFuture<Boolean> ask(SessionOffer offer);
}
