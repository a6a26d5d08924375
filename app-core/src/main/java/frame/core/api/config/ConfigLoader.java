package frame.core.api.config;


import java.util.function.Supplier;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves {@link FrameConfig}: a command-line flag beats an environment variable beats
 * {@code frame.properties} in the data folder beats the default.
 *
 * <p>Keys (environment name / file key): {@code FRAME_HOME}, {@code STORAGE_DIR} / storage.dir,
 * {@code DATABASE_URL} / database.url, {@code FRAME_WORKERS} / workers, {@code FRAME_BATCH_SIZE} /
 * batch.size, {@code FRAME_POLL_SECONDS} / poll.seconds, {@code FRAME_MAX_PIXELS} / max.pixels,
 * {@code FRAME_PORT} / port, {@code FRAME_LAN} / lan, {@code DATABASE_USER} / database.user,
 * {@code DATABASE_PASSWORD} / database.password, {@code DATABASE_PASSWORD_FILE} /
 * database.password.file (the password is the file's first line), {@code FRAME_NOTIFY} / notify
 * (LISTEN/NOTIFY between nodes, default true).
 */
public final class ConfigLoader {
  public static final String CONFIG_FILE = "frame.properties";

  private final Map<String, String> env;
  private final Map<String, String> flags = new HashMap<>();

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  public static ConfigLoader fromEnvironment() {
    return new ConfigLoader(System.getenv());
  }

  public static ConfigLoader from(Map<String, String> env) {
    return new ConfigLoader(env);
  }

  /** Sets a value given on the command line, by its environment name; null is ignored. */
  public ConfigLoader flag(String envName, Object value) {
    if (value != null) flags.put(envName, value.toString());
    return this;
  }

  public FrameConfig load() {
    Path dataDir = Path.of(firstOf("FRAME_HOME", null, () -> DataDirs.defaultFor(
        env, System.getProperty("os.name"), Path.of(System.getProperty("user.home"))).toString()));
    Properties file = readConfigFile(dataDir.resolve(CONFIG_FILE));
    FrameConfig defaults = FrameConfig.inDataDir(dataDir);
    return new FrameConfig(
        defaults.dataDir(),
        Path.of(value("STORAGE_DIR", "storage.dir", file, defaults.storageDir().toString())).toAbsolutePath(),
        value("DATABASE_URL", "database.url", file, defaults.databaseUrl()),
        positive("FRAME_WORKERS", value("FRAME_WORKERS", "workers", file, "" + defaults.workers())),
        positive("FRAME_BATCH_SIZE", value("FRAME_BATCH_SIZE", "batch.size", file, "" + defaults.batchSize())),
        Duration.ofMillis((long) (1000 * Double.parseDouble(
            value("FRAME_POLL_SECONDS", "poll.seconds", file, "" + defaults.pollInterval().toSeconds())))),
        Long.parseLong(value("FRAME_MAX_PIXELS", "max.pixels", file, "" + defaults.maxPixels())),
        port(value("FRAME_PORT", "port", file, "" + defaults.port())),
        Boolean.parseBoolean(value("FRAME_LAN", "lan", file, "false")),
        login(file),
        defaults.nodeKind(),
        Boolean.parseBoolean(value("FRAME_NOTIFY", "notify", file, "true")));
  }

  /** The database login, kept out of the URL; a password file beats a password given inline. */
  private DatabaseLogin login(Properties file) {
    String user = value("DATABASE_USER", "database.user", file, null);
    String passwordFile = value("DATABASE_PASSWORD_FILE", "database.password.file", file, null);
    String password = value("DATABASE_PASSWORD", "database.password", file, null);
    if (passwordFile != null) {
      try {
        password = Files.readAllLines(Path.of(passwordFile)).stream().findFirst().orElse("").strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read the database password file " + passwordFile + ": "
            + e.getMessage(), e);
      }
    }
    return new DatabaseLogin(user, password);
  }

  private String value(String envName, String fileKey, Properties file, String fallback) {
    return firstOf(envName, file.getProperty(fileKey), () -> fallback);
  }

  private String firstOf(String envName, String fileValue, Supplier<String> fallback) {
    if (flags.containsKey(envName)) return flags.get(envName);
    String fromEnv = env.get(envName);
    if (fromEnv != null && !fromEnv.isBlank()) return fromEnv;
    if (fileValue != null && !fileValue.isBlank()) return fileValue.trim();
    return fallback.get();
  }

  private static int positive(String name, String raw) {
    try {
      int value = Integer.parseInt(raw.trim());
      if (value > 0) return value;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, not '" + raw + "'");
  }

  /** 0 means "any free port". */
  private static int port(String raw) {
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= 0 && value <= 65535) return value;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("FRAME_PORT must be a port number from 0 to 65535, not '" + raw + "'");
  }

  private static Properties readConfigFile(Path file) {
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return properties;
  }
}
