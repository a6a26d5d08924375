package frame.core.media;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import com.drew.metadata.xmp.XmpReader;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.Flag;
import frame.core.api.culling.MarkChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Stars, flag and colour label as other tools leave them in XMP, embedded in a photo or in an
 * {@code .xmp} sidecar: {@code xmp:Rating} (0-5; -1 is a reject, as Lightroom, Bridge and
 * darktable write it), {@code xmp:Label} (Lightroom's and Capture One's colour names),
 * darktable's {@code darktable:colorlabels}, and a pick as {@code xmpDM:good="True"} (Bridge,
 * and what {@code frame export} writes) or Photo Mechanic's {@code photomechanic:Tagged}.
 * A part the XMP does not hold is null. Unknown values (a localised label name, a rating of 9)
 * are left out, never an error.
 */
public record XmpMarks(Integer rating, Flag flag, ColorLabel label) {
  private static final String XMP = "http://ns.adobe.com/xap/1.0/";
  private static final String XMP_DM = "http://ns.adobe.com/xmp/1.0/DynamicMedia/";
  private static final String PHOTO_MECHANIC = "http://ns.camerabits.com/photomechanic/1.0/";
  private static final String DARKTABLE = "http://darktable.sf.net/";
  private static final List<ColorLabel> DARKTABLE_LABELS =
      List.of(ColorLabel.RED, ColorLabel.YELLOW, ColorLabel.GREEN, ColorLabel.BLUE, ColorLabel.PURPLE);

  public static final XmpMarks NONE = new XmpMarks(null, null, null);

  public boolean isEmpty() {
    return rating == null && flag == null && label == null;
  }

  /** Marks as a change to a newly imported photo: only what the XMP holds. */
  public MarkChange change() {
    return new MarkChange(rating, flag != null, flag, label != null, label);
  }

  /** This XMP's marks, with {@code over}'s where it has them (a sidecar over the embedded XMP). */
  public XmpMarks overriddenBy(XmpMarks over) {
    return new XmpMarks(over.rating != null ? over.rating : rating, over.flag != null ? over.flag : flag,
        over.label != null ? over.label : label);
  }

  /** The marks of the XMP metadata-extractor found in a photo; NONE when it carries none. */
  public static XmpMarks of(Metadata metadata) {
    XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
    return xmp == null ? NONE : of(xmp.getXMPMeta());
  }

  /**
   * The sidecar beside a file being imported: {@code IMG_0001.CR2.xmp} (darktable's name) before
   * {@code IMG_0001.xmp} (Lightroom's, Capture One's and {@code frame export}'s), either case.
   */
  public static Optional<Path> sidecarOf(Path photo) {
    Path name = photo.getFileName();
    if (name == null) return Optional.empty();
    String full = name.toString();
    int dot = full.lastIndexOf('.');
    String base = dot > 0 ? full.substring(0, dot) : full;
    for (String candidate : List.of(full + ".xmp", full + ".XMP", base + ".xmp", base + ".XMP")) {
      Path sidecar = photo.resolveSibling(candidate);
      if (!sidecar.equals(photo) && Files.isRegularFile(sidecar)) return Optional.of(sidecar);
    }
    return Optional.empty();
  }

  /**
   * The marks of a sidecar file. A sidecar that cannot be read or parsed throws, with the reason:
   * the caller imports the photo without them and says so.
   */
  public static XmpMarks readSidecar(Path sidecar) throws IOException {
    byte[] bytes = Files.readAllBytes(sidecar);
    Metadata metadata = new Metadata();
    new XmpReader().extract(bytes, metadata);
    XmpDirectory xmp = metadata.getFirstDirectoryOfType(XmpDirectory.class);
    if (xmp == null || xmp.hasErrors()) {
      throw new IOException(xmp == null ? "no XMP in it" : String.join("; ", xmp.getErrors()));
    }
    return of(xmp.getXMPMeta());
  }

  private static XmpMarks of(XMPMeta meta) {
    Integer stars = null;
    Flag flag = null;
    Integer rating = integer(meta, XMP, "Rating");
    if (rating != null && rating == -1) flag = Flag.REJECT;
    if (rating != null && rating >= 0 && rating <= 5) stars = rating;
    if (flag == null && (isTrue(meta, XMP_DM, "good") || isTrue(meta, PHOTO_MECHANIC, "Tagged"))) flag = Flag.PICK;
    return new XmpMarks(stars, flag, label(meta));
  }

  private static ColorLabel label(XMPMeta meta) {
    String text = text(meta, XMP, "Label");
    if (text != null) {
      for (ColorLabel label : ColorLabel.values()) {
        if (label.xmp().equalsIgnoreCase(text.strip())) return label;
      }
    }
    try {
      if (meta.doesPropertyExist(DARKTABLE, "colorlabels") && meta.countArrayItems(DARKTABLE, "colorlabels") > 0) {
        Integer first = meta.getPropertyInteger(DARKTABLE, "colorlabels[1]");
        if (first != null && first >= 0 && first < DARKTABLE_LABELS.size()) return DARKTABLE_LABELS.get(first);
      }
    } catch (XMPException unreadable) {
      // not darktable's list after all
    }
    return null;
  }

  private static Integer integer(XMPMeta meta, String namespace, String name) {
    String text = text(meta, namespace, name);
    if (text == null) return null;
    try {
      // Bridge writes "3", some tools "3.0"
      return (int) Math.round(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isTrue(XMPMeta meta, String namespace, String name) {
    String text = text(meta, namespace, name);
    return text != null && text.strip().equalsIgnoreCase("true");
  }

  private static String text(XMPMeta meta, String namespace, String name) {
    try {
      return meta.doesPropertyExist(namespace, name) ? meta.getPropertyString(namespace, name) : null;
    } catch (XMPException unreadable) {
      return null;
    }
  }
}
