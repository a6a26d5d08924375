package frame.core.media;

import java.awt.image.BufferedImage;

/** Pixels as stored (8-bit sRGB, TYPE_INT_RGB) and the orientation that makes them upright. */
public record DecodedImage(BufferedImage pixels, Orientation orientation) {}
