package frame.core.media.codec.raw;


/** Where a RAW's largest embedded JPEG preview is, its size, and how the camera was held. */
record EmbeddedPreview(long offset, long length, int width, int height, int orientation) {
  /** Previews are a few MB; anything larger is a damaged offset, not a picture. */
  static final long MAX_BYTES = 64L << 20;

  long pixels() {
    return (long) width * height;
  }
}
