package twostage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueSpecTest {
  @Test
  void parsesListsRangesAndGeometricGrids() {
    assertThat(ValueSpec.parse("2,3, 5", true)).containsExactly(2.0, 3.0, 5.0);
    assertThat(ValueSpec.parse("2..6", true)).containsExactly(2.0, 3.0, 4.0, 5.0, 6.0);
    assertThat(ValueSpec.parse("7..7", true)).containsExactly(7.0);
    List<Double> g = ValueSpec.parse("geom:0.5,5,20", false);
    assertThat(g).hasSize(20);
    assertThat(g.get(0)).isEqualTo(0.5);
    assertThat(g.get(19)).isEqualTo(5.0);
    assertThat(g.get(1) / g.get(0)).isCloseTo(Math.pow(10, 1.0 / 19), offset(1e-12));
    assertThat(ValueSpec.parse("0.5,1.25", false)).containsExactly(0.5, 1.25);
  }

  @Test
  void integerGeometricGridsAreRoundedWithoutRepeats() {
    List<Double> d = ValueSpec.parse("geom:5,1000,30", true);
    assertThat(d).hasSize(30).startsWith(5.0, 6.0, 7.0, 9.0).endsWith(1000.0);
    assertThat(ValueSpec.parse("geom:1,3,10", true)).containsExactly(1.0, 2.0, 3.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a,b", "geom:1,2", "geom:0,2,5", "geom:1,2,1", "geom:1,2,2.5", "5..2",
      "1.5..3", "1..2..3", "2,3.5", "nan", "1e999"})
  void refusesBadSpecsNamingTheOption(String spec) {
    assertThatThrownBy(() -> ValueSpec.parse(spec, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--values '" + spec + "'");
  }
}
