package frame.server.tus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of unfinished uploads: for each, {@code <id>.bytes} (what arrived) and
 * {@code <id>.json} (its {@link TusUpload}, written atomically). The state file's offset is the
 * durable one: bytes past it were never acknowledged, so opening the folder after kill -9 cuts
 * them off. Expired uploads are removed with their bytes.
 */
final class TusStore {
  private static final Logger log = LoggerFactory.getLogger(TusStore.class);
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path folder;
  private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
  private final Map<String, TusUpload> uploads = new ConcurrentHashMap<>();

  private TusStore(Path folder) {
    this.folder = folder;
  }

  /** Opens the folder and reloads the uploads a previous run (or crash) left. */
  static TusStore open(Path folder) {
    TusStore store = new TusStore(folder);
    try {
      Files.createDirectories(folder);
      try (DirectoryStream<Path> states = Files.newDirectoryStream(folder, "*.json")) {
        for (Path state : states) store.reload(state);
      }
      Files.deleteIfExists(folder.resolve("state.tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the resumable-upload folder " + folder, e);
    }
    return store;
  }

  private void reload(Path state) throws IOException {
    TusUpload upload;
    try {
      upload = json.readValue(state.toFile(), TusUpload.class);
    } catch (IOException e) {
      log.warn("Ignoring an unreadable upload state {}: {}", state.getFileName(), e.getMessage());
      return;
    }
    Path bytes = bytesOf(upload.id());
    if (!upload.ingested()) {
      if (!Files.exists(bytes)) {
        log.warn("Upload {} lost its bytes; forgetting it", upload.id());
        Files.deleteIfExists(state);
        return;
      }
      // bytes past the acknowledged offset were never confirmed to the client
      try (FileChannel channel = FileChannel.open(bytes, StandardOpenOption.WRITE)) {
        if (channel.size() > upload.offset()) channel.truncate(upload.offset());
      }
    }
    uploads.put(upload.id(), upload);
  }

  TusUpload create(long length, String filename, String type, long owner, Instant expiresAt) throws IOException {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    TusUpload upload = new TusUpload(id, length, 0, filename, type, owner, expiresAt, null, null);
    Files.createFile(bytesOf(id));
    save(upload);
    return upload;
  }

  Optional<TusUpload> find(String id) {
    if (id == null || !ID.matcher(id).matches()) return Optional.empty();
    return Optional.ofNullable(uploads.get(id));
  }

  Path bytesOf(String id) {
    return folder.resolve(id + ".bytes");
  }

  /** Writes the state durably, then makes it the one others see. */
  TusUpload save(TusUpload upload) throws IOException {
    Path tmp = folder.resolve(upload.id() + ".json.tmp");
    try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(java.nio.ByteBuffer.wrap(json.writeValueAsBytes(upload)));
      channel.force(true);
    }
    Files.move(tmp, folder.resolve(upload.id() + ".json"), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    syncFolder();
    uploads.put(upload.id(), upload);
    return upload;
  }

  /** Forgets an upload and removes its bytes. */
  void remove(String id) {
    uploads.remove(id);
    try {
      Files.deleteIfExists(folder.resolve(id + ".json"));
      Files.deleteIfExists(bytesOf(id));
    } catch (IOException e) {
      log.warn("Cannot remove upload {}: {}", id, e.getMessage());
    }
  }

  /** Removes the uploads whose time ran out; returns how many. */
  int removeExpired(Instant now) {
    int removed = 0;
    for (TusUpload upload : uploads.values()) {
      if (upload.expiredAt(now)) {
        remove(upload.id());
        removed++;
      }
    }
    if (removed > 0) log.info("Removed {} expired resumable upload(s)", removed);
    return removed;
  }

  int size() {
    return uploads.size();
  }

  private void syncFolder() {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every OS can open a folder as a channel; the rename is still atomic there
    }
  }
}
