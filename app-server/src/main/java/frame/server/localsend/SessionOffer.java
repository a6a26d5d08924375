package frame.server.localsend;

/** What the photographer is asked to accept: who sends, how many files and how many bytes. */
public record SessionOffer(String senderAlias, int files, long bytes) {}
