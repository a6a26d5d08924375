package frame.core.culling;

import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;

/**
 * An {@code .xmp} sidecar as Lightroom, darktable and Capture One read it: {@code xmp:Rating}
 * (0-5; -1 is a reject, as Lightroom writes "rejected" and darktable reads it), {@code xmp:Label}
 * (Lightroom's colour names), and a pick as Photo Mechanic and Bridge mark it ({@code xmpDM:good}).
 */
final class XmpSidecar {
  private XmpSidecar() {}

  static String of(ImageMarks marks) {
    int rating = marks.flag() == Flag.REJECT ? -1 : marks.rating();
    StringBuilder xml = new StringBuilder();
    xml.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    xml.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"FRAME\">\n");
    xml.append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    xml.append("  <rdf:Description rdf:about=\"\"\n");
    xml.append("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
    xml.append("    xmlns:xmpDM=\"http://ns.adobe.com/xmp/1.0/DynamicMedia/\"\n");
    xml.append("    xmp:Rating=\"").append(rating).append('"');
    if (marks.label() != null) xml.append("\n    xmp:Label=\"").append(marks.label().xmp()).append('"');
    if (marks.flag() == Flag.PICK) xml.append("\n    xmpDM:good=\"True\"");
    xml.append("/>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n");
    return xml.toString();
  }
}
