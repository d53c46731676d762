package twostage.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes report files whole: to a temporary name first, then moved into place (never half a file). */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes {@code text} to {@code file} (UTF-8), atomically. */
  public static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      java.nio.file.Files.createDirectories(parent);
      Path tmp = parent.resolve(file.getFileName() + ".tmp");
      java.nio.file.Files.writeString(tmp, text, StandardCharsets.UTF_8);
      java.nio.file.Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
