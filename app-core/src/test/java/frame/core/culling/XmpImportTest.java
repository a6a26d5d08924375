package frame.core.culling;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import frame.core.Frame;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.CullFilter;
import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.MarkChange;
import frame.core.api.imports.ImportSources;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.library.Image;
import frame.core.testing.FrameFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ratings, flags and labels read at import from .xmp sidecars beside the files and from XMP embedded in a JPEG. */
class XmpImportTest {
  @TempDir Path dataDir;
  @TempDir Path card;
  @TempDir Path out;
  @TempDir Path secondData;

  @Test
  void sidecars_of_lightroom_and_darktable_give_their_photos_stars_labels_and_flags() throws Exception {
    write(card, "IMG_0001.jpg", jpeg(photo(320, 240, 1)));
    Files.writeString(card.resolve("IMG_0001.xmp"), sidecar("xmp:Rating=\"4\" xmp:Label=\"Green\""));
    write(card, "IMG_0002.jpg", jpeg(photo(320, 240, 2)));
    // darktable names its sidecar after the whole file name and writes a reject as -1
    Files.writeString(card.resolve("IMG_0002.jpg.xmp"), sidecar("xmp:Rating=\"-1\""));
    write(card, "IMG_0003.jpg", jpeg(photo(320, 240, 3)));
    Files.writeString(card.resolve("IMG_0003.XMP"), sidecar("xmp:Rating=\"2\" xmpDM:good=\"True\""));
    write(card, "IMG_0004.jpg", jpeg(photo(320, 240, 4)));
    Files.writeString(card.resolve("IMG_0004.xmp"), """
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
         <rdf:Description rdf:about="" xmlns:darktable="http://darktable.sf.net/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
          <xmp:Rating>1</xmp:Rating>
          <darktable:colorlabels><rdf:Seq><rdf:li>3</rdf:li></rdf:Seq></darktable:colorlabels>
         </rdf:Description></rdf:RDF></x:xmpmeta>""");
    write(card, "IMG_0005.jpg", jpeg(photo(320, 240, 5)));

    try (Frame frame = FrameFixture.open(dataDir)) {
      List<Path> files = ImportSources.expand(List.of(card));
      assertThat(files).as("sidecars are not photos to import").extracting(p -> p.getFileName().toString())
          .containsExactly("IMG_0001.jpg", "IMG_0002.jpg", "IMG_0003.jpg", "IMG_0004.jpg", "IMG_0005.jpg");
      List<ImageMarks> marks = files.stream().map(file -> marksOf(frame, imported(frame, file))).toList();

      assertThat(marks.get(0)).extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label)
          .containsExactly(4, null, ColorLabel.GREEN);
      assertThat(marks.get(1)).extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label)
          .containsExactly(0, Flag.REJECT, null);
      assertThat(marks.get(2)).extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label)
          .containsExactly(2, Flag.PICK, null);
      assertThat(marks.get(3)).extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label)
          .containsExactly(1, null, ColorLabel.BLUE);
      assertThat(marks.get(4)).extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label)
          .containsExactly(0, null, null);
    }
  }

  @Test
  void what_frame_export_writes_comes_back_on_import_into_another_library() {
    write(card, "IMG_0001.jpg", jpeg(photo(320, 240, 1)));
    write(card, "IMG_0002.jpg", jpeg(photo(320, 240, 2)));
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image pick = imported(frame, card.resolve("IMG_0001.jpg"));
      Image reject = imported(frame, card.resolve("IMG_0002.jpg"));
      frame.ports().culling().mark(pick.id(), new MarkChange(5, true, Flag.PICK, true, ColorLabel.PURPLE));
      frame.ports().culling().mark(reject.id(), new MarkChange(3, true, Flag.REJECT, true, ColorLabel.RED));
      assertThat(frame.ports().culling().export(new ExportRequest(out, CullFilter.NONE)).problems()).isEmpty();
    }
    try (Frame other = FrameFixture.open(secondData)) {
      Path exported = out.resolve("Unsorted");
      ImageMarks pick = marksOf(other, imported(other, exported.resolve("IMG_0001.jpg")));
      ImageMarks reject = marksOf(other, imported(other, exported.resolve("IMG_0002.jpg")));

      assertThat(pick).extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label)
          .containsExactly(5, Flag.PICK, ColorLabel.PURPLE);
      // a reject is written as xmp:Rating -1, as Lightroom does: its stars do not travel
      assertThat(reject).extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label)
          .containsExactly(0, Flag.REJECT, ColorLabel.RED);
    }
  }

  @Test
  void xmp_embedded_in_a_jpeg_is_read_and_a_sidecar_beside_it_wins() throws Exception {
    byte[] embedded = withXmp(jpeg(photo(320, 240, 7)), sidecar("xmp:Rating=\"3\" xmp:Label=\"Yellow\""));
    write(card, "IMG_0007.jpg", embedded);
    write(card, "IMG_0008.jpg", withXmp(jpeg(photo(320, 240, 8)), sidecar("xmp:Rating=\"3\" xmp:Label=\"Yellow\"")));
    Files.writeString(card.resolve("IMG_0008.xmp"), sidecar("xmp:Rating=\"5\""));
    try (Frame frame = FrameFixture.open(dataDir)) {
      ImageMarks alone = marksOf(frame, imported(frame, card.resolve("IMG_0007.jpg")));
      ImageMarks overridden = marksOf(frame, imported(frame, card.resolve("IMG_0008.jpg")));
      // an upload (the phone page, LocalSend) has no sidecar, but its embedded XMP counts too
      IngestResult uploaded = frame.ports().imports().ingest(
          new ByteArrayInputStream(withXmp(jpeg(photo(320, 240, 9)), sidecar("xmp:Rating=\"-1\""))), "up.jpg", null);

      assertThat(alone).extracting(ImageMarks::rating, ImageMarks::label).containsExactly(3, ColorLabel.YELLOW);
      assertThat(overridden).extracting(ImageMarks::rating, ImageMarks::label).containsExactly(5, ColorLabel.YELLOW);
      assertThat(marksOf(frame, ((IngestResult.Stored) uploaded).image()).flag()).isEqualTo(Flag.REJECT);
    }
  }

  @Test
  void a_broken_sidecar_loses_nothing_the_photo_goes_in_without_marks() throws Exception {
    write(card, "IMG_0001.jpg", jpeg(photo(320, 240, 1)));
    Files.writeString(card.resolve("IMG_0001.xmp"), "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF");
    try (Frame frame = FrameFixture.open(dataDir)) {
      IngestResult result = frame.ports().imports().importFile(card.resolve("IMG_0001.jpg"), JobPriority.FRESH, ImportBatch.LOOSE);

      assertThat(result).isInstanceOf(IngestResult.Stored.class);
      assertThat(marksOf(frame, ((IngestResult.Stored) result).image()))
          .extracting(ImageMarks::rating, ImageMarks::flag, ImageMarks::label).containsExactly(0, null, null);
      assertThat(card.resolve("IMG_0001.xmp")).as("the sidecar is left where it was").isRegularFile();
    }
  }

  @Test
  void marks_given_in_frame_are_kept_when_the_same_photo_comes_again_with_a_sidecar() throws Exception {
    write(card, "IMG_0001.jpg", jpeg(photo(320, 240, 1)));
    try (Frame frame = FrameFixture.open(dataDir)) {
      Image image = imported(frame, card.resolve("IMG_0001.jpg"));
      frame.ports().culling().mark(image.id(), MarkChange.rating(2));
      Files.writeString(card.resolve("IMG_0001.xmp"), sidecar("xmp:Rating=\"5\""));

      IngestResult again = frame.ports().imports().importFile(card.resolve("IMG_0001.jpg"), JobPriority.FRESH, ImportBatch.LOOSE);

      assertThat(again).isInstanceOf(IngestResult.Duplicate.class);
      assertThat(marksOf(frame, image).rating()).isEqualTo(2);
    }
  }

  private static Image imported(Frame frame, Path file) {
    IngestResult result = frame.ports().imports().importFile(file, JobPriority.FRESH, ImportBatch.LOOSE);
    assertThat(result).as(file.toString()).isInstanceOf(IngestResult.Stored.class);
    return ((IngestResult.Stored) result).image();
  }

  private static ImageMarks marksOf(Frame frame, Image image) {
    return frame.ports().culling().marks(List.of(image.id())).get(image.id());
  }

  private static String sidecar(String attributes) {
    return """
        <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
         <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
           xmlns:xmpDM="http://ns.adobe.com/xmp/1.0/DynamicMedia/" %s/>
        </rdf:RDF></x:xmpmeta>
        <?xpacket end="w"?>""".formatted(attributes);
  }

  /** The JPEG with {@code packet} as an APP1 XMP segment right after SOI, as cameras and Lightroom embed it. */
  private static byte[] withXmp(byte[] jpeg, String packet) {
    byte[] header = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    byte[] body = packet.getBytes(StandardCharsets.UTF_8);
    int length = 2 + header.length + body.length;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(jpeg, 0, 2);
    bytes.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    bytes.writeBytes(header);
    bytes.writeBytes(body);
    bytes.write(jpeg, 2, jpeg.length - 2);
    return bytes.toByteArray();
  }
}
