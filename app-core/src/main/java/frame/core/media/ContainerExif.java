package frame.core.media;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import frame.core.media.codec.heif.HeifBoxes;
import frame.core.media.codec.raw.Cr3Preview;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * EXIF from the containers metadata-extractor does not read: AVIF (the Exif item) and Canon CR3
 * (CMT1 is IFD0, CMT2 the EXIF IFD, CMT4 GPS, each a TIFF structure of its own).
 */
final class ContainerExif {
  private ContainerExif() {}

  static Optional<Metadata> read(Path file) {
    String head = head(file);
    if (head.startsWith("ftypcrx", 4)) return Optional.of(cr3(Cr3Preview.metadataBlocks(file)));
    if (head.startsWith("ftypavi", 4) || head.startsWith("ftypmif1", 4) && head.contains("avif")) {
      Metadata metadata = new Metadata();
      HeifBoxes.exif(file).ifPresent(tiff -> new ExifReader().extract(new ByteArrayReader(tiff), metadata));
      return Optional.of(metadata);
    }
    return Optional.empty();
  }

  private static Metadata cr3(Map<String, byte[]> blocks) {
    Metadata metadata = new Metadata();
    if (blocks.containsKey("CMT1")) new ExifReader().extract(new ByteArrayReader(blocks.get("CMT1")), metadata);
    copyIfd0(blocks.get("CMT2"), metadata, new ExifSubIFDDirectory());
    copyIfd0(blocks.get("CMT4"), metadata, new GpsDirectory());
    return metadata;
  }

  /** Reads a block whose tags sit in its first directory, and files them under {@code target}. */
  private static void copyIfd0(byte[] block, Metadata metadata, Directory target) {
    if (block == null) return;
    Metadata read = new Metadata();
    new ExifReader().extract(new ByteArrayReader(block), read);
    for (Directory directory : read.getDirectoriesOfType(ExifIFD0Directory.class)) {
      for (Tag tag : directory.getTags()) target.setObject(tag.getTagType(), directory.getObject(tag.getTagType()));
    }
    if (!target.isEmpty()) metadata.addDirectory(target);
  }

  private static String head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(32), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
