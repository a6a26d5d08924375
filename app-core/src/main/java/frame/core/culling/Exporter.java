package frame.core.culling;

import frame.core.api.FrameException;
import frame.core.api.culling.ExportRequest;
import frame.core.api.culling.ExportResult;
import frame.core.api.culling.ImageMarks;
import frame.core.api.culling.Shoot;
import frame.core.api.library.Image;
import frame.core.api.library.ImageQuery;
import frame.core.image.ImageRepository;
import frame.core.pipeline.OriginalFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Copies originals with {@code .xmp} sidecars into a folder, one sub-folder per shoot ("Unsorted"
 * for photos of no shoot). An existing file is never overwritten: a second photo of the same name
 * gets "-2", "-3"... and a file that cannot be written is listed, the others still go. An original
 * freed to the archive is fetched back and checked against its SHA-256 first.
 */
final class Exporter {
  private final ImageRepository images;
  private final OriginalFiles originals;
  private final MarksRepository marks;
  private final ShootRepository shoots;

  Exporter(ImageRepository images, OriginalFiles originals, MarksRepository marks, ShootRepository shoots) {
    this.images = images;
    this.originals = originals;
    this.marks = marks;
    this.shoots = shoots;
  }

  ExportResult export(ExportRequest request) {
    Map<Long, String> shootNames = shoots.list().stream().collect(Collectors.toMap(Shoot::id, Shoot::name));
    List<String> problems = new ArrayList<>();
    int exported = 0;
    for (int offset = 0; ; offset += 500) {
      List<Image> page = images.list(new ImageQuery(null, 500, offset, request.filter()));
      Map<Long, ImageMarks> found = marks.find(page.stream().map(Image::id).toList());
      for (Image image : page) {
        ImageMarks m = found.getOrDefault(image.id(), ImageMarks.none(image.id()));
        String folder = m.shoot() == null ? "Unsorted" : safe(shootNames.getOrDefault(m.shoot(), "Shoot " + m.shoot()));
        try {
          Path target = free(request.folder().resolve(folder), safe(image.originalName() == null ? image.sha256() : image.originalName()));
          Files.createDirectories(target.getParent());
          // a freed original comes back from the archive, verified, before it is copied
          Files.copy(originals.of(image), target, StandardCopyOption.COPY_ATTRIBUTES);
          Files.writeString(sidecarOf(target), XmpSidecar.of(m), StandardCharsets.UTF_8);
          exported++;
        } catch (IOException | FrameException e) { // a missing original or an archive away: the others still go
          problems.add(image.originalName() + ": " + e.getMessage());
        }
      }
      if (page.size() < 500) return new ExportResult(exported, problems);
    }
  }

  /** {@code IMG_0001.CR2} -> {@code IMG_0001.xmp}, as Lightroom and darktable look for it. */
  static Path sidecarOf(Path original) {
    String name = original.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return original.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".xmp");
  }

  private static Path free(Path folder, String name) {
    Function<Integer, Path> candidate = n -> {
      if (n == 1) return folder.resolve(name);
      int dot = name.lastIndexOf('.');
      return folder.resolve(dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n);
    };
    int n = 1;
    while (Files.exists(candidate.apply(n)) || Files.exists(sidecarOf(candidate.apply(n)))) n++;
    return candidate.apply(n);
  }

  /** A file or folder name without path separators or characters file systems refuse. */
  private static String safe(String name) {
    String cleaned = name.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_").strip();
    return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "_" : cleaned;
  }
}
