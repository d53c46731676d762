package twostage.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict reader refuses every kind of bad cell, naming the file, the row or column, and the rule. */
class CsvTableTest {
  @TempDir Path dir;

  private Path file(String text) throws IOException {
    Path f = dir.resolve("data.csv");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void readsNamedColumnsOfNumbersInFileOrder() throws IOException {
    DataTable t = CsvTable.read(file("\uFEFFa, b ,c\n1,2.5,-3e-2\n\"4\",5,6\n"), "--unlabeled");
    assertThat(t.columns()).containsExactly("a", "b", "c");
    assertThat(t.rows()).isEqualTo(2);
    assertThat(t.values()).containsExactly(1, 2.5, -0.03, 4, 5, 6);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("missing cell", "a,b\n1,2\n3,\n", "row 3, column 'b': missing value"),
        Arguments.of("NA cell", "a,b\n1,NA\n", "row 2, column 'b': missing value 'NA'"),
        Arguments.of("NaN cell", "a,b\n1,2\nNaN,3\n", "row 3, column 'a': missing value 'NaN'"),
        Arguments.of("text cell", "a,b\n1,two\n", "row 2, column 'b': 'two' is not a decimal number"),
        Arguments.of("hex cell", "a,b\n1,0x1p3\n", "row 2, column 'b': '0x1p3' is not a decimal number"),
        Arguments.of("infinity", "a,b\n1,Infinity\n", "row 2, column 'b': 'Infinity' is not a decimal number"),
        Arguments.of("overflow", "a,b\n1,1e999\n", "row 2, column 'b': 1e999 overflows a double"),
        Arguments.of("short row", "a,b,c\n1,2,3\n4,5\n", "row 3: 2 cells, but the header names 3 columns"),
        Arguments.of("long row", "a,b\n1,2\n4,5,6\n", "row 3: 3 cells, but the header names 2 columns"),
        Arguments.of("blank line", "a,b\n1,2\n\n3,4\n", "row 3: blank line"),
        Arguments.of("no header", "1,2\n3,4\n", "row 1 (header): column 1 is named '1', a number"),
        Arguments.of("duplicate name", "a,a\n1,2\n", "row 1 (header): column name 'a' appears twice"),
        Arguments.of("empty name", "a,,c\n1,2,3\n", "row 1 (header): column 2 has no name"),
        Arguments.of("header only", "a,b\n", "no data rows after the header"),
        Arguments.of("empty file", "", "empty file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void refusesBadInputNamingWhereAndTheRule(String name, String text, String message) throws IOException {
    Path f = file(text);
    assertThatThrownBy(() -> CsvTable.read(f, "--labeled"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--labeled " + f)
        .hasMessageContaining(message);
  }

  @Test
  void refusesAMissingFile() {
    assertThatThrownBy(() -> CsvTable.read(dir.resolve("nope.csv"), "--unlabeled"))
        .hasMessageContaining("nope.csv: no such file");
  }

  @Test
  void aDataSetRefusesConstantColumnsMissingLabelsAndMismatchedColumns() throws IOException {
    DataTable u = CsvTable.parse(new java.io.StringReader("a,b\n1,2\n3,4\n5,7\n"), "U");
    DataTable l = CsvTable.parse(new java.io.StringReader("a,b,y\n1,2,0\n3,5,1\n"), "L");
    assertThat(DataSet.of(u, l).y()).containsExactly(0, 1);
    assertThatThrownBy(() -> DataSet.of(u, CsvTable.parse(new java.io.StringReader("a,b\n1,2\n3,4\n"), "L")))
        .hasMessage("L: no column 'y' (the labeled file needs a column named y for the labels; its other columns are x)");
    assertThatThrownBy(() -> DataSet.of(u, CsvTable.parse(new java.io.StringReader("a,c,y\n1,2,0\n3,5,1\n"), "L")))
        .hasMessageContaining("L: x column 2 is 'c' but U has 'b' there");
    DataTable constant = CsvTable.parse(new java.io.StringReader("a,b\n1,2\n3,2\n5,2\n"), "U");
    assertThatThrownBy(() -> DataSet.of(constant, l))
        .hasMessageStartingWith("U, column 'b': constant (2.0 in all 3 rows)");
    DataTable constantY = CsvTable.parse(new java.io.StringReader("a,b,y\n1,2,1\n3,5,1\n"), "L");
    assertThatThrownBy(() -> DataSet.of(u, constantY)).hasMessageStartingWith("L, column 'y': constant");
  }
}
