package frame.server;

import frame.server.error.ApiError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a multipart/form-data body part by part as it arrives, so an uploaded file streams
 * straight into the store's hashed temp file: no spool file, no second copy. A part's content
 * must be read to its end (or skipped) before the next part. Limits are checked as bytes
 * arrive: a file part over {@code maxPartBytes} or a body over {@code maxBodyBytes} is a 413, a
 * broken body or one with too many parts a 400.
 */
final class MultipartStream {
  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final int MAX_PARTS = 1000;
  private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);

  private final InputStream in;
  private final byte[] delimiter; // CRLF "--" boundary
  private final int[] shifts;
  private final long maxPartBytes;
  private final long maxBodyBytes;
  private final byte[] buffer = new byte[256 * 1024];
  private int position;
  private int limit;
  private long bodyBytes;
  private int parts;
  private boolean finished;
  private Content open;
  /** The delimiter found ahead (an index into the buffer), or -1; and how far the buffer was searched. */
  private int delimiterAt = -1;
  private int searchedTo;

  /** One part: its form name, its file name (null for a plain field) and its bytes. */
  record Part(String name, String filename, InputStream content) {
    boolean isFile() {
      return filename != null;
    }
  }

  private MultipartStream(InputStream in, String boundary, long maxPartBytes, long maxBodyBytes) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.shifts = shifts(delimiter);
    this.maxPartBytes = maxPartBytes;
    this.maxBodyBytes = maxBodyBytes;
    // the first boundary has no CRLF before it: pretend it had
    buffer[0] = '\r';
    buffer[1] = '\n';
    limit = 2;
  }

  /** Null when the content type names no boundary. */
  static MultipartStream of(String contentType, InputStream in, long maxPartBytes, long maxBodyBytes) {
    Matcher m = BOUNDARY.matcher(contentType);
    if (!m.find()) return null;
    String boundary = m.group(1) != null ? m.group(1) : m.group(2);
    if (boundary.isEmpty() || boundary.length() > 200) return null;
    return new MultipartStream(in, boundary, maxPartBytes, maxBodyBytes);
  }

  /** The next part, or null after the closing boundary. */
  Part next() throws IOException {
    if (open != null) {
      open.skipRest();
      open = null;
    }
    if (finished) return null;
    if (parts == 0) skipPreamble();
    if (finished) return null;
    if (++parts > MAX_PARTS) throw ApiError.badRequest("bad_multipart", "The multipart body has too many parts.");
    ContentDisposition disposition = ContentDisposition.of(readHeaders());
    boolean isFile = disposition.filename() != null;
    open = new Content(isFile ? maxPartBytes : 64 * 1024);
    return new Part(disposition.name(), disposition.filename(), open);
  }

  /** A plain field's value (at most 64 KB). */
  static String text(Part part) throws IOException {
    return new String(part.content().readAllBytes(), StandardCharsets.UTF_8);
  }

  private void skipPreamble() throws IOException {
    // everything up to the first delimiter, then what follows it
    Content preamble = new Content(Long.MAX_VALUE);
    preamble.skipRest();
  }

  /** The part's header block as UTF-8 (RFC 7578), without its closing blank line. */
  private String readHeaders() throws IOException {
    byte[] headers = new byte[MAX_HEADER_BYTES + 1];
    int n = 0;
    while (true) {
      if (position == limit && !fill()) throw malformed();
      headers[n++] = buffer[position++];
      if (n >= 4 && headers[n - 4] == '\r' && headers[n - 3] == '\n' && headers[n - 2] == '\r' && headers[n - 1] == '\n') {
        return ContentDisposition.decode(headers, n - 4);
      }
      if (n > MAX_HEADER_BYTES) throw malformed();
    }
  }

  /** After a delimiter: "--" ends the body, CRLF starts the next part. */
  private void afterDelimiter() throws IOException {
    int first = readByte();
    int second = readByte();
    if (first == '-' && second == '-') {
      finished = true;
    } else if (first != '\r' || second != '\n') {
      throw malformed();
    }
  }

  private int readByte() throws IOException {
    if (position == limit && !fill()) throw malformed();
    return buffer[position++] & 0xFF;
  }

  /** Moves what is left to the front and reads more; false at the end of the stream. */
  private boolean fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      if (delimiterAt >= 0) delimiterAt -= position;
      searchedTo = Math.max(0, searchedTo - position);
      position = 0;
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read <= 0) return false;
    bodyBytes += read;
    if (bodyBytes > maxBodyBytes) throw new ApiError(413, "too_large", "The upload is over the size limit.");
    limit += read;
    return true;
  }

  /**
   * Where the next delimiter starts in the buffer, at or after {@code from}, or -1. Horspool's
   * search: the byte under the delimiter's last position says how far it can move, so a photo's
   * bytes are mostly stepped over a delimiter's length at a time rather than each looked at.
   */
  private int findDelimiter(int from) {
    if (delimiterAt >= from) return delimiterAt;
    int last = delimiter.length - 1;
    int start = Math.max(from, searchedTo);
    for (int i = start; i <= limit - delimiter.length; i += shifts[buffer[i + last] & 0xFF]) {
      int k = last;
      while (k >= 0 && buffer[i + k] == delimiter[k]) k--;
      if (k < 0) {
        delimiterAt = i;
        return i;
      }
    }
    delimiterAt = -1;
    searchedTo = Math.max(start, limit - delimiter.length + 1);
    return -1;
  }

  /** Horspool's shift for each byte value: from its last place in the delimiter (but the last) to the end. */
  private static int[] shifts(byte[] delimiter) {
    int[] shifts = new int[256];
    java.util.Arrays.fill(shifts, delimiter.length);
    for (int k = 0; k < delimiter.length - 1; k++) shifts[delimiter[k] & 0xFF] = delimiter.length - 1 - k;
    return shifts;
  }

  private static ApiError malformed() {
    return ApiError.badRequest("bad_multipart", "The multipart body is malformed or ends early.");
  }

  /** A part's bytes: up to the next delimiter. */
  private final class Content extends InputStream {
    private final long max;
    private long read;
    private boolean ended;

    Content(long max) {
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
      if (ended) return -1;
      if (length == 0) return 0;
      while (true) {
        int at = findDelimiter(position);
        // bytes that cannot be the start of a delimiter are the part's
        int available = at >= 0 ? at - position : Math.max(0, limit - position - (delimiter.length - 1));
        if (available > 0) {
          int n = Math.min(available, length);
          System.arraycopy(buffer, position, target, offset, n);
          position += n;
          read += n;
          if (read > max) {
            throw max == maxPartBytes ? new ApiError(413, "too_large", "The upload is over the size limit.")
                : malformed();
          }
          return n;
        }
        if (at == position) {
          position += delimiter.length;
          ended = true;
          afterDelimiter();
          return -1;
        }
        if (!fill()) throw malformed();
      }
    }

    void skipRest() throws IOException {
      byte[] sink = new byte[64 * 1024];
      while (read(sink, 0, sink.length) != -1) {
        // discarded
      }
    }
  }
}
