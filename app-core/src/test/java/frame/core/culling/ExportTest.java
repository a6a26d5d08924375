package frame.core.culling;

import static frame.core.testing.TestImages.jpeg;
import static frame.core.testing.TestImages.photo;
import static frame.core.testing.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import com.drew.metadata.xmp.XmpReader;
import frame.core.Frame;
import frame.core.api.culling.ColorLabel;
import frame.core.api.culling.CullFilter;
import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.ExportResult;
import frame.core.api.culling.Flag;
import frame.core.api.culling.ImportBatch;
import frame.core.api.culling.MarkChange;
import frame.core.api.culling.ShootSource;
import frame.core.api.imports.IngestResult;
import frame.core.api.jobs.JobPriority;
import frame.core.api.library.Image;
import frame.core.testing.FrameFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** frame export: originals with .xmp sidecars, laid out by shoot, read back by metadata-extractor and an XML parser. */
class ExportTest {
  @TempDir Path dataDir;
  @TempDir Path card;
  @TempDir Path out;

  @Test
  void picks_are_copied_by_shoot_with_sidecars_that_editors_read() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      ImportBatch batch = ImportBatch.shoot("Wedding", ShootSource.FOLDER);
      Image pick = imported(frame, "IMG_0001.jpg", 1, batch);
      Image reject = imported(frame, "IMG_0002.jpg", 2, batch);
      frame.ports().culling().mark(pick.id(), MarkChange.flag(Flag.PICK));
      frame.ports().culling().mark(pick.id(), MarkChange.rating(4));
      frame.ports().culling().mark(pick.id(), MarkChange.label(ColorLabel.GREEN));
      frame.ports().culling().mark(reject.id(), MarkChange.flag(Flag.REJECT));

      ExportResult picks = frame.ports().culling().export(new ExportRequest(out.resolve("picks"), CullFilter.picks()));
      ExportResult all = frame.ports().culling().export(new ExportRequest(out.resolve("all"), CullFilter.NONE));

      assertThat(picks.exported()).isEqualTo(1);
      assertThat(picks.problems()).isEmpty();
      Path copy = out.resolve("picks/Wedding/IMG_0001.jpg");
      assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(card.resolve("IMG_0001.jpg")));
      Map<String, String> xmp = xmp(out.resolve("picks/Wedding/IMG_0001.xmp"));
      assertThat(xmp).containsEntry("xmp:Rating", "4").containsEntry("xmp:Label", "Green").containsEntry("xmpDM:good", "True");
      Element description = (Element) DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
          .parse(out.resolve("picks/Wedding/IMG_0001.xmp").toFile())
          .getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description").item(0);
      assertThat(description.getAttributeNS("http://ns.adobe.com/xap/1.0/", "Rating")).isEqualTo("4");
      assertThat(all.exported()).isEqualTo(2);
      assertThat(xmp(out.resolve("all/Wedding/IMG_0002.xmp"))).containsEntry("xmp:Rating", "-1");
    }
  }

  @Test
  void an_export_never_overwrites_and_names_the_second_copy_apart() throws Exception {
    try (Frame frame = FrameFixture.open(dataDir)) {
      imported(frame, "IMG_0001.jpg", 5, ImportBatch.LOOSE);
      Files.createDirectories(out.resolve("Unsorted"));
      Files.writeString(out.resolve("Unsorted/IMG_0001.jpg"), "someone's file");

      ExportResult result = frame.ports().culling().export(new ExportRequest(out, CullFilter.NONE));

      assertThat(result.exported()).isEqualTo(1);
      assertThat(Files.readString(out.resolve("Unsorted/IMG_0001.jpg"))).isEqualTo("someone's file");
      assertThat(out.resolve("Unsorted/IMG_0001-2.jpg")).isRegularFile();
      assertThat(xmp(out.resolve("Unsorted/IMG_0001-2.xmp"))).containsEntry("xmp:Rating", "0");
    }
  }

  private Image imported(Frame frame, String name, long seed, ImportBatch batch) {
    return ((IngestResult.Stored) frame.ports().imports()
        .importFile(write(card, name, jpeg(photo(320, 240, seed))), JobPriority.FRESH, batch)).image();
  }

  private static Map<String, String> xmp(Path sidecar) throws Exception {
    Metadata metadata = new Metadata();
    new XmpReader().extract(Files.readAllBytes(sidecar), metadata);
    XmpDirectory directory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
    assertThat(directory).as("an XMP directory in " + sidecar).isNotNull();
    assertThat(directory.getErrors()).isEmpty();
    return directory.getXmpProperties();
  }
}
