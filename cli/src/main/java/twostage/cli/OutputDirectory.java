package twostage.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import twostage.experiments.ModelSpec;
import twostage.report.Json;
import twostage.report.ReportFiles;

/** Checks an output directory before any work, so that a run never computes for nothing. */
final class OutputDirectory {
  private OutputDirectory() {}

  /**
   * Creates {@code dir} if needed and checks that files can be written in it.
   *
   * @throws IllegalArgumentException naming the option, the path and the reason
   */
  static Path usable(String option, Path dir) {
    if (dir == null || dir.toString().isBlank()) {
      throw new IllegalArgumentException(option + " '' cannot be used: an empty path names no directory");
    }
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new IllegalArgumentException(option + " " + dir + " cannot be used: it is a file, not a directory");
      }
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
      Files.delete(probe);
      return dir;
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(option + " " + dir + " cannot be used: permission denied", e);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(option + " " + dir + " cannot be used: " + e.getFile() + " is a file", e);
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(option + " " + dir + " cannot be used: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  /** Writes the model's instance as {@code instance.json} in {@code dir}, so the run can be repeated anywhere. */
  static void writeInstance(Path dir, ModelSpec model) {
    ReportFiles.write(dir.resolve("instance.json"), Json.pretty(model.instance().toFile()) + "\n");
  }
}
