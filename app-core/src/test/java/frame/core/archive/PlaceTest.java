package frame.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import frame.core.api.archive.ArchiveTargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a target's copies physically are, even while its disk is unplugged. */
class PlaceTest {
  @TempDir Path home;
  @TempDir Path media;

  @Test
  void a_link_to_an_unplugged_disk_is_the_place_it_points_to() throws Exception {
    Path usb = media.resolve("USB"); // not mounted now: the folder is not there
    Path link = home.resolve("bak");
    Files.createSymbolicLink(link, usb.resolve("frame"));

    assertThat(Place.realPlace(link)).isEqualTo(Place.realPlace(usb.resolve("frame")));
    assertThat(Place.realPlace(link.resolve("2024"))).isEqualTo(Place.realPlace(usb.resolve("frame/2024")));
    assertThat(folder(link).overlaps(folder(usb.resolve("frame")))).isTrue();
  }

  @Test
  void a_loop_of_links_ends_as_the_path_written() throws Exception {
    Path a = home.resolve("a");
    Path b = home.resolve("b");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);

    Path place = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Place.realPlace(a));
    assertThat(List.of(a.toAbsolutePath().normalize(), b.toAbsolutePath().normalize())).contains(place);
  }

  @Test
  void bucket_prefixes_overlap_as_s3_keys_do_not_as_text_does() {
    assertThat(s3("frame").overlaps(s3("frame-old"))).as("frame/ and frame-old/ hold different keys").isFalse();
    assertThat(s3("frame").overlaps(s3("frame/"))).isTrue();
    assertThat(s3("frame/").overlaps(s3("frame/2024"))).isTrue();
    assertThat(s3(" ").overlaps(s3("anything"))).as("a blank prefix is the whole bucket").isTrue();
  }

  private static Place folder(Path path) {
    return Place.of(new TargetRecord(1, "t", ArchiveTargetKind.FOLDER, path.toString(), null, null, null, null, null));
  }

  private static Place s3(String prefix) {
    return Place.of(new TargetRecord(1, "t", ArchiveTargetKind.S3, "http://nas:9000", "photos", prefix, null, null, null));
  }
}
