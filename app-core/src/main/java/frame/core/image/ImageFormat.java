package frame.core.image;

import java.util.Locale;

/** The formats FRAME stores and processes. */
public enum ImageFormat {
  JPEG("jpg", "image/jpeg"),
  PNG("png", "image/png"),
  GIF("gif", "image/gif"),
  BMP("bmp", "image/bmp"),
  TIFF("tif", "image/tiff"),
  WEBP("webp", "image/webp");

  private final String extension;
  private final String mediaType;

  ImageFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String imageIoName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
