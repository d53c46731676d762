package twostage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction report in a real browser (headless Chromium over the DevTools Protocol): the page
 * loads without a console error, every figure loads, every link of the table of contents (and every
 * other in-page link) has its target, and a full-page screenshot is taken.
 *
 * <p>Without Chromium the test is skipped with a message, unless {@code TWOSTAGE_REQUIRE_BROWSER=1}
 * (set by {@code .ci/run}, which installs Debian's chromium), where a missing browser fails it. The
 * screenshot goes to {@code target/report-screenshot.png}, or to {@code $TWOSTAGE_SCREENSHOT} (the
 * one in {@code docs/} was taken so).
 */
class ReportBrowserTest {
  private static final String IMAGES_NOT_LOADED =
      "Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'))";
  private static final String LINKS_WITHOUT_TARGET =
      "Array.from(document.querySelectorAll('a[href^=\"#\"]')).map(a => a.getAttribute('href'))"
          + ".filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))";
  private static final String COUNTS = "({images: document.images.length,"
      + " toc: document.querySelectorAll('nav a[href^=\"#\"]').length,"
      + " sections: document.querySelectorAll('section[id]').length,"
      + " headerCells: document.querySelectorAll('thead th').length,"
      + " captions: document.querySelectorAll('figure > figcaption').length})";

  @Test
  void theReportLoadsCleanlyWithEveryFigureAndEveryContentsLink(@TempDir Path tmp) throws Exception {
    Optional<Path> chromium = HeadlessChromium.find();
    if (chromium.isEmpty()) {
      String why = "no chromium on the PATH (nor $TWOSTAGE_CHROMIUM): install Debian's chromium "
          + "(apt-get install -y chromium) to run the browser test of the report";
      if ("1".equals(System.getenv("TWOSTAGE_REQUIRE_BROWSER"))) {
        fail(why + "; TWOSTAGE_REQUIRE_BROWSER=1 says it must run here");
      }
      abort(why);
    }
    long t0 = System.nanoTime();
    Path index = SmallReport.write(tmp.resolve("report"));
    long t1 = System.nanoTime();
    Path shot = Optional.ofNullable(System.getenv("TWOSTAGE_SCREENSHOT")).filter(s -> !s.isBlank()).map(Path::of)
        .orElse(Path.of("target", "report-screenshot.png"));
    List<String> errors;
    JsonNode missingImages;
    JsonNode deadLinks;
    JsonNode counts;
    try (HeadlessChromium browser = HeadlessChromium.start(chromium.get(), tmp.resolve("profile"))) {
      HeadlessChromium.Page page = browser.newPage();
      page.navigate(index.toUri().toString());
      errors = new ArrayList<>(page.errors());
      missingImages = page.evaluate(IMAGES_NOT_LOADED);
      deadLinks = page.evaluate(LINKS_WITHOUT_TARGET);
      counts = page.evaluate(COUNTS);
      page.screenshot(shot, 1100);

      // the same checks on a page that breaks each rule find each break
      Path broken = tmp.resolve("broken.html");
      Files.writeString(broken, "<!DOCTYPE html><html><head><title>t</title></head><body>"
          + "<nav><a href=\"#here\">here</a> <a href=\"#nowhere\">nowhere</a></nav><section id=\"here\">"
          + "<img src=\"missing.png\" alt=\"x\"></section><script>console.error('boom')</script></body></html>");
      HeadlessChromium.Page bad = browser.newPage();
      bad.navigate(broken.toUri().toString());
      assertThat(bad.errors()).anyMatch(e -> e.contains("boom")).anyMatch(e -> e.contains("missing.png")
          || e.contains("ERR_FILE_NOT_FOUND"));
      assertThat(bad.evaluate(IMAGES_NOT_LOADED).toString()).contains("missing.png");
      assertThat(bad.evaluate(LINKS_WITHOUT_TARGET).toString()).contains("#nowhere").doesNotContain("#here");
    }
    long t2 = System.nanoTime();
    System.out.printf("report browser test: report %.1f s, browser %.1f s; screenshot %s (%d bytes)%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, shot.toAbsolutePath(), Files.size(shot));

    assertThat(errors).as("console errors, exceptions and failed loads").isEmpty();
    assertThat(missingImages).as("images that did not load").isEmpty();
    assertThat(deadLinks).as("in-page links without a target").isEmpty();
    // the small report has 5 sections + steps, 3 prior-art, 4 validation and 1 crossover figures
    assertThat(counts.get("toc").asInt()).isEqualTo(counts.get("sections").asInt()).isGreaterThanOrEqualTo(6);
    assertThat(counts.get("images").asInt()).isEqualTo(8);
    assertThat(counts.get("captions").asInt()).isEqualTo(counts.get("images").asInt());
    assertThat(counts.get("headerCells").asInt()).isPositive();
    assertThat(Files.size(shot)).isGreaterThan(10_000);
  }
}
