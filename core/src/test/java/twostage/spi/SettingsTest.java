package twostage.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User input becomes canonical settings; what is refused names the option and the rule. */
class SettingsTest {
  private static final List<Parameter> DECLARED = List.of(
      Parameter.integer("--d", 4, "dimension").range(1, 100),
      Parameter.count("--samples", 1000, Parameter.Role.LIMIT, "samples"),
      Parameter.choice("--method", "exact", List.of("exact", "mc"), Parameter.Role.LIMIT, "method"));

  @Test
  void equalValuesTypedDifferentlyGiveEqualSettings() {
    Settings a = Settings.parse(DECLARED, Map.of("--samples", "1e6", "--method", "MC"));
    Settings b = Settings.parse(DECLARED, Map.of("--samples", "1000000", "--method", "mc", "--d", "4.0"));
    assertThat(a).isEqualTo(b);
    assertThat(a.count("--samples")).isEqualTo(1_000_000L);
    assertThat(a.integer("--d")).isEqualTo(4);
    assertThat(a.choice("--method")).isEqualTo("mc");
  }

  @Test
  void anUndeclaredOptionIsRefusedListingTheDeclaredOnes() {
    assertThatThrownBy(() -> Settings.parse(DECLARED, Map.of("--k", "2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown option --k; the declared options: --d, --samples, --method");
  }

  @Test
  void valuesOutsideTheirKindOrRangeAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> Settings.parse(DECLARED, Map.of("--d", "101")))
        .hasMessage("--d must be between 1 and 100, got 101");
    assertThatThrownBy(() -> Settings.parse(DECLARED, Map.of("--d", "2.5")))
        .hasMessage("--d must be a whole number, got 2.5");
    assertThatThrownBy(() -> Settings.parse(DECLARED, Map.of("--samples", "-1")))
        .hasMessageStartingWith("--samples must be a whole, non-negative number");
    assertThatThrownBy(() -> Settings.parse(DECLARED, Map.of("--method", "fast")))
        .hasMessage("--method must be one of exact, mc, got fast");
  }
}
