package twostage.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report as sections of paragraphs, tables and figures, rendered to Markdown and to one HTML page
 * with a table of contents, anchors, header cells and each figure with its caption in its section.
 */
public final class ReportDocument {
  private final String title;
  private final List<String> preface = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();

  /** A document with a title. */
  public ReportDocument(String title) {
    this.title = title;
  }

  /** A paragraph before the first section. */
  public ReportDocument preface(String text) {
    preface.add(text);
    return this;
  }

  /** Adds a section and returns it. */
  public Section section(String id, String heading) {
    Section s = new Section(id, heading);
    sections.add(s);
    return s;
  }

  /** One section: an anchor id, a heading and blocks. */
  public static final class Section {
    final String id;
    final String heading;
    final List<Object> blocks = new ArrayList<>();

    Section(String id, String heading) {
      this.id = id;
      this.heading = heading;
    }

    /** A paragraph (Markdown-style `code` allowed). */
    public Section paragraph(String text) {
      blocks.add(new Paragraph(text));
      return this;
    }

    /** A table with a header row. */
    public Section table(List<String> header, List<List<String>> rows) {
      blocks.add(new Table(header, rows));
      return this;
    }

    /** A figure: a path relative to the report and its caption. */
    public Section figure(String path, String caption) {
      return figure(path, caption, 0, 0);
    }

    /** A figure shown at {@code width} × {@code height} CSS pixels (0: the image's own size). */
    public Section figure(String path, String caption, int width, int height) {
      blocks.add(new Figure(path, caption, width, height));
      return this;
    }
  }

  record Paragraph(String text) {}

  record Table(List<String> header, List<List<String>> rows) {}

  record Figure(String path, String caption, int width, int height) {}

  /** The Markdown rendering. */
  public String markdown() {
    StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
    preface.forEach(p -> b.append(p).append("\n\n"));
    b.append("Contents: ");
    for (int i = 0; i < sections.size(); i++) {
      b.append(i == 0 ? "" : " · ").append('[').append(sections.get(i).heading).append("](#")
          .append(sections.get(i).id).append(')');
    }
    b.append("\n\n");
    int fig = 0;
    for (Section s : sections) {
      b.append("<a id=\"").append(s.id).append("\"></a>\n## ").append(s.heading).append("\n\n");
      for (Object o : s.blocks) {
        if (o instanceof Paragraph p) {
          b.append(p.text()).append("\n\n");
        } else if (o instanceof Table t) {
          b.append("| ").append(String.join(" | ", t.header())).append(" |\n|");
          t.header().forEach(h -> b.append("---|"));
          b.append('\n');
          for (List<String> r : t.rows()) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
          }
          b.append('\n');
        } else if (o instanceof Figure f) {
          fig++;
          b.append("![").append(f.caption()).append("](").append(f.path()).append(")\n\n*Figure ").append(fig)
              .append(". ").append(f.caption()).append("*\n\n");
        }
      }
    }
    return b.toString();
  }

  /** The HTML page. */
  public String html() {
    StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(esc(title))
        .append("</title>\n<style>body{font-family:sans-serif;max-width:1040px;margin:2em auto;padding:0 1em;line-height:1.45}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
            + "th{background:#f3f3f3}code{font-size:90%}figure{margin:1.5em 0}img{max-width:100%;height:auto;border:1px solid #eee}"
            + "figcaption{font-size:92%;color:#333}nav li{margin:.15em 0}</style></head><body>\n");
    h.append("<h1 id=\"top\">").append(esc(title)).append("</h1>\n");
    preface.forEach(p -> h.append("<p>").append(inline(p)).append("</p>\n"));
    h.append("<nav aria-label=\"Contents\"><h2>Contents</h2><ol>\n");
    for (Section s : sections) {
      h.append("<li><a href=\"#").append(esc(s.id)).append("\">").append(esc(s.heading)).append("</a></li>\n");
    }
    h.append("</ol></nav>\n");
    int fig = 0;
    for (Section s : sections) {
      h.append("<section id=\"").append(esc(s.id)).append("\"><h2>").append(esc(s.heading)).append("</h2>\n");
      for (Object o : s.blocks) {
        if (o instanceof Paragraph p) {
          h.append("<p>").append(inline(p.text())).append("</p>\n");
        } else if (o instanceof Table t) {
          h.append("<table>\n<thead><tr>");
          t.header().forEach(c -> h.append("<th scope=\"col\">").append(inline(c)).append("</th>"));
          h.append("</tr></thead>\n<tbody>\n");
          for (List<String> r : t.rows()) {
            h.append("<tr>");
            r.forEach(c -> h.append("<td>").append(inline(c)).append("</td>"));
            h.append("</tr>\n");
          }
          h.append("</tbody></table>\n");
        } else if (o instanceof Figure f) {
          fig++;
          h.append("<figure id=\"figure-").append(fig).append("\"><img src=\"").append(esc(f.path()))
              .append("\" alt=\"").append(esc(f.caption())).append('"');
          if (f.width() > 0 && f.height() > 0) {
            h.append(" width=\"").append(f.width()).append("\" height=\"").append(f.height()).append('"');
          }
          h.append("><figcaption>Figure ").append(fig).append(". ")
              .append(inline(f.caption())).append("</figcaption></figure>\n");
        }
      }
      h.append("<p><a href=\"#top\">back to top</a></p></section>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  private static String inline(String s) {
    Matcher m = CODE.matcher(esc(s));
    return m.replaceAll("<code>$1</code>");
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
