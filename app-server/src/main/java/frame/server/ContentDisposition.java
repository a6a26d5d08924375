package frame.server;

import frame.server.error.ApiError;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part's Content-Disposition header, already decoded as UTF-8 (RFC 7578 4.2: browsers send file
 * names as raw UTF-8). {@code filename*=UTF-8''...} (RFC 5987's percent-encoded form, which some
 * clients send) wins over a plain {@code filename} when both are given.
 */
record ContentDisposition(String name, String filename) {
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILENAME = Pattern.compile("[; ]filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern EXTENDED = Pattern.compile("[; ]filename\\*=([A-Za-z0-9_-]+)'[^']*'([^;\\s]+)",
      Pattern.CASE_INSENSITIVE);

  /** From a part's header block; no Content-Disposition line gives an unnamed plain field. */
  static ContentDisposition of(String headers) {
    String disposition = "";
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) disposition = line;
    }
    Matcher name = NAME.matcher(disposition);
    return new ContentDisposition(name.find() ? name.group(1) : "", filename(disposition));
  }

  private static String filename(String disposition) {
    Matcher extended = EXTENDED.matcher(disposition);
    if (extended.find()) {
      try {
        Charset charset = Charset.forName(extended.group(1));
        // percent-decoding only: a '+' in a file name is a plus, not a space
        return URLDecoder.decode(extended.group(2).replace("+", "%2B"), charset);
      } catch (IllegalArgumentException unknownCharsetOrBadEscape) {
        throw ApiError.badRequest("bad_multipart", "A part's filename* cannot be decoded.");
      }
    }
    Matcher plain = FILENAME.matcher(disposition);
    return plain.find() ? plain.group(1) : null;
  }

  static String decode(byte[] headerBytes, int length) {
    return new String(headerBytes, 0, length, StandardCharsets.UTF_8);
  }
}
