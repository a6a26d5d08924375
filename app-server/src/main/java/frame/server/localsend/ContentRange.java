package frame.server.localsend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chunk of a large file, as the npm {@code localsend} CLI sends files over 50 MiB: each chunk
 * is its own {@code POST /upload} with {@code X-Content-Range: bytes START-END/TOTAL}, END
 * inclusive and TOTAL the whole file's size (what HTTP's Content-Range says, under another name).
 */
record ContentRange(long start, long end, long total) {
  static final String HEADER = "X-Content-Range";
  private static final Pattern FORM = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");

  /** The header's range, or why it is not one. */
  static ContentRange parse(String header) {
    Matcher matcher = FORM.matcher(header.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(HEADER + " must read 'bytes START-END/TOTAL'; got '" + header + "'");
    }
    long start = Long.parseLong(matcher.group(1));
    long end = Long.parseLong(matcher.group(2));
    long total = Long.parseLong(matcher.group(3));
    if (start > end || end >= total) {
      throw new IllegalArgumentException(HEADER + " " + header + " is not a range inside the file");
    }
    return new ContentRange(start, end, total);
  }

  long length() {
    return end - start + 1;
  }

  boolean last() {
    return end + 1 == total;
  }

  @Override
  public String toString() {
    return "bytes " + start + "-" + end + "/" + total;
  }
}
