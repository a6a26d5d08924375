package frame.server.localsend;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The JSON of LocalSend protocol v2 (localsend/protocol README), as records. */
final class Messages {
  private Messages() {}

  /** A device as {@code /info}, {@code /register} and the multicast announcement describe it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeviceInfo(String alias, String version, String deviceModel, String deviceType, String fingerprint,
      Integer port, String protocol, Boolean download, Boolean announce) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FileInfo(String id, String fileName, long size, String fileType, String sha256) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PrepareUpload(DeviceInfo info, Map<String, FileInfo> files) {}

  /** The answer: a token for each file FRAME wants; the refused ones, with why, in {@code refused} (an addition). */
  record Prepared(String sessionId, Map<String, String> files, Map<String, String> refused) {}

  record Message(String message) {}
}
