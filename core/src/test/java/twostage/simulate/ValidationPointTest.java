package twostage.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationPointTest {
  @Test
  void countsTailsFailuresAndMeans() {
    List<Replicate> reps = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      double var = i < 10 ? 4.5 : 4.0 + 0.001 * i; // 10 outside epsilon = 0.2 around 4
      FitDiagnostics fit = new FitDiagnostics(i != 3, i == 5, 0.1, 7);
      reps.add(new Replicate(50, 100, i, (i + 0.5) / 100.0, 0.0, 0.01, var, fit));
    }
    // pre-training part uniform on (0, 1): its distance to U(0, 1) is 0.005
    ValidationPoint p = ValidationPoint.of(reps, t -> Math.min(Math.max(t - 4.01, 0), 1),
        t -> Math.min(Math.max(t, 0), 1), 4.0, 0.2);
    assertThat(p.pVar().value()).isCloseTo(0.10, offset(1e-12));
    assertThat(p.ksPretraining().value()).isCloseTo(0.005, offset(1e-12));
    assertThat(p.failedFits()).isEqualTo(2);
    assertThat(p.notConverged()).isEqualTo(1);
    assertThat(p.otherBasin()).isEqualTo(1);
    assertThat(p.meanPretraining().value()).isCloseTo(0.5, offset(1e-12));
    assertThat(p.meanLeakage().value()).isCloseTo(0.01, offset(1e-12));
    assertThat(p.meanTotal().value())
        .isCloseTo(p.meanPretraining().value() + p.meanVariance().value() + 0.01, offset(1e-12));
    assertThat(p.ksResolution()).isCloseTo(0.1358, offset(1e-4));
  }
}
