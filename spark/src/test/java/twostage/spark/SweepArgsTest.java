package twostage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import twostage.experiments.GmmPoint;

/** The options of SparkSweepMain: points in value order, bad input named. */
class SweepArgsTest {
  private static SweepArgs parse(String... args) {
    return SweepArgs.parse(args);
  }

  @Test
  void buildsOnePointPerValueInOrder() {
    SweepArgs a = parse("--vary", "K", "--values", "4,2,3", "--d", "10", "--samples", "1_000",
        "--fisher-samples", "500", "--seed", "9", "--out", "x.jsonl");
    assertThat(a.points()).extracting(GmmPoint::k).containsExactly(4, 2, 3);
    GmmPoint p = a.points().get(0);
    assertThat(p).isEqualTo(
        new GmmPoint(4, 10, 2.0, 1.0, 0.5, 500, 1000, 20, 9, GmmPoint.Method.REDUCED));
    assertThat(a.master()).isNull();
  }

  @Test
  void refusesBadInputNamingTheOption() {
    assertThatThrownBy(() -> parse("--vary", "K", "--values", "2,3", "--out", "x"))
        .hasMessage("--d is required unless --vary d");
    assertThatThrownBy(() -> parse("--vary", "d", "--values", "2,3", "--K", "3", "--out", "x"))
        .hasMessageContaining("d must be >= K").hasMessageContaining("d=2, K=3");
    assertThatThrownBy(() -> parse("--vary", "beta", "--values", "1,-1", "--K", "2", "--d", "3",
        "--out", "x")).hasMessage("beta must be > 0 and finite, got -1.0");
    assertThatThrownBy(() -> parse("--vary", "K", "--values", "2.5", "--d", "9", "--out", "x"))
        .hasMessage("--values: 2.5 is not a whole number");
    assertThatThrownBy(() -> parse("--vary", "sigma", "--values", "1", "--out", "x"))
        .hasMessage("--vary must be K, d or beta, got sigma");
    assertThatThrownBy(() -> parse("--vary", "K", "--values", "2", "--d", "9", "--out", "x",
        "--method", "fast")).hasMessage("--method must be reduced or direct, got fast");
    assertThatThrownBy(() -> parse("--vary", "K", "--values", "2", "--d", "9", "--threads", "2"))
        .hasMessage("unknown option --threads");
    assertThatThrownBy(() -> parse("--vary", "K", "--values", "2", "--d", "9", "--K", "2",
        "--out", "x")).hasMessage("--K must not be given with --vary K (it is swept)");
    assertThatThrownBy(() -> parse("--vary", "d", "--values", "100,300", "--K", "4", "--method",
        "direct", "--out", "x")).hasMessageStartingWith("--method direct needs K*d <= 600 (got K=4, d=300)");
  }
}
