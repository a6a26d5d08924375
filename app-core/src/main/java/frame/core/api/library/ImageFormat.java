package frame.core.api.library;

import java.util.Locale;

/** The formats FRAME stores and processes, with the media type their original is served as. */
public enum ImageFormat {
  JPEG("jpg", "image/jpeg"),
  PNG("png", "image/png"),
  GIF("gif", "image/gif"),
  BMP("bmp", "image/bmp"),
  TIFF("tif", "image/tiff"),
  WEBP("webp", "image/webp"),
  HEIC("heic", "image/heic"),
  HEIF("heif", "image/heif"),
  AVIF("avif", "image/avif"),
  DNG("dng", "image/x-adobe-dng"),
  CR2("cr2", "image/x-canon-cr2"),
  CR3("cr3", "image/x-canon-cr3"),
  NEF("nef", "image/x-nikon-nef"),
  ARW("arw", "image/x-sony-arw"),
  ORF("orf", "image/x-olympus-orf"),
  RAF("raf", "image/x-fuji-raf"),
  RW2("rw2", "image/x-panasonic-rw2"),
  PEF("pef", "image/x-pentax-pef"),
  SRW("srw", "image/x-samsung-srw");

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

  /** HEIC, HEIF and AVIF: the ISO media (HEIF) container that libheif reads. */
  public boolean isHeifFamily() {
    return this == HEIC || this == HEIF || this == AVIF;
  }

  /** A camera's raw file: kept untouched, shown through the JPEG preview the camera embedded. */
  public boolean isCameraRaw() {
    return ordinal() >= DNG.ordinal();
  }
}
