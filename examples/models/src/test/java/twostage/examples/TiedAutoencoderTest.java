package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import twostage.ad.AnalysisOptions;
import twostage.ad.DerivativeCheck;
import twostage.ad.DerivativeChecker;
import twostage.ad.ModelAnalysis;
import twostage.ad.ModelDiagnostics;
import twostage.ad.Orbit;
import twostage.ad.PretrainingFit;
import twostage.ad.ResolvedModel;
import twostage.exec.SequentialRunner;
import twostage.random.Streams;
import twostage.simulate.FitDiagnostics;
import twostage.spi.Settings;
import twostage.theory.TangentRank;

/** The autoencoder through the API: resolution, its own estimator, the registered instances. */
class TiedAutoencoderTest {
  private static final AnalysisOptions OPTIONS = AnalysisOptions.defaults().withPilot(20_000, 20_000);

  @Test
  void resolvesWithTheDeclaredOrbitAndAProjectedReadout() {
    ResolvedModel r = ModelAnalysis.resolve(TiedAutoencoder.example(), OPTIONS, 5, new SequentialRunner());
    assertThat(r.truthSearch().converged()).isTrue();
    assertThat(r.truthSearch().gradientNorm()).isLessThan(1e-10);
    assertThat(r.readout().residual()).isLessThan(1e-20);
    ModelDiagnostics diag = r.diagnostics();
    assertThat(diag.orbit().source()).isEqualTo(Orbit.Source.DECLARED);
    assertThat(diag.orbit().dimension()).isEqualTo(1);
    assertThat(diag.orbit().nullity()).isEqualTo(1);
    assertThat(diag.orbit().declaredMismatch()).isLessThan(1e-6);
    assertThat(diag.orbit().gap()).isGreaterThan(1e6);
    assertThat(diag.regular()).isTrue();
    assertThat(diag.dEff()).isEqualTo(2);
  }

  @Test
  void linearFeaturesHaveAnExactJacobian() {
    TiedAutoencoder m = TiedAutoencoder.example();
    List<DerivativeCheck> checks = DerivativeChecker.check(m, m.principal(), 0.01, Streams.of(3));
    assertThat(checks).allMatch(DerivativeCheck::passed);
    assertThat(checks.get(2).slope()).isNaN(); // ψ = Ax is linear in w: the remainder is round-off
  }

  @Test
  void principalComponentsAndNewtonFitTheSameRepresentation() {
    ResolvedModel r = ModelAnalysis.resolve(TiedAutoencoder.example(), OPTIONS, 5, new SequentialRunner());
    TiedAutoencoder model = (TiedAutoencoder) r.model();
    FitDiagnostics diag = new FitDiagnostics(true, false, Double.NaN, 0);
    for (int m : new int[] {50, 2_000, 100_000}) {
      for (int seed = 0; seed < 5; seed++) {
        PretrainingFit newton = r.defaultEstimator().fit(Streams.of(seed), m);
        PretrainingFit pca = model.principalComponents().fit(Streams.of(seed), m);
        assertThat(newton.converged()).isTrue();
        double repNewton = model.representation(newton.w(), r.truth(), r.readout().theta(), diag)
            .population(Streams.of(1)).representationError().value();
        double repPca = model.representation(pca.w(), r.truth(), r.readout().theta(), diag)
            .population(Streams.of(1)).representationError().value();
        // the same S_m minimised two ways: the same subspace, so the same Rep (Rep is O(1/m))
        assertThat(repPca).as("m=%d seed=%d", m, seed).isCloseTo(repNewton, offset(1e-7 * repNewton + 1e-15));
      }
    }
  }

  @Test
  void baseRankIsTheDimensionOfAllLinearFunctions() {
    ResolvedModel r = ModelAnalysis.resolve(TiedAutoencoder.example(), AnalysisOptions.defaults().withPilot(2_000, 2_000),
        1, new SequentialRunner());
    TangentRank base = r.baseRank(20_000, TangentRank.DEFAULT_TOLERANCE, 3, new SequentialRunner());
    assertThat(base.rank()).isEqualTo(4); // {x -> theta'Ax} is every linear function of x in R^4
    assertThat(base.gap()).isGreaterThan(1e6);
    assertThat(r.chart(20_000, TangentRank.DEFAULT_TOLERANCE, 3).dimension()).isEqualTo(4);
  }

  @Test
  void theRegisteredDefaultIsTheExampleAndItsFileRoundTrips() {
    AutoencoderStudy study = new AutoencoderStudy();
    var inst = study.instance(Settings.parse(study.parameters(), Map.of()));
    TiedAutoencoder generated = (TiedAutoencoder) ((twostage.ad.AdCaseStudy.Instance) inst).differentiable();
    TiedAutoencoder example = TiedAutoencoder.example();
    assertThat(generated.covariance()).isDeepEqualTo(example.covariance());
    assertThat(generated.gamma()).containsExactly(example.gamma());
    assertThat(generated.noiseVariance()).isEqualTo(example.noiseVariance());
    assertThat(generated.eigenvalues()).usingComparatorWithPrecision(1e-12).containsExactly(4, 2.5, 1, 0.5);
    var back = study.read(inst.toFile(), "written.json");
    TiedAutoencoder read = (TiedAutoencoder) ((twostage.ad.AdCaseStudy.Instance) back).differentiable();
    assertThat(read.covariance()).isDeepEqualTo(example.covariance());
    assertThat(back.toFile()).isEqualTo(inst.toFile());
  }

  @Test
  void badInstancesAreRefusedNamingTheRule() {
    AutoencoderStudy study = new AutoencoderStudy();
    assertThatThrownBy(() -> study.instance(Settings.parse(study.parameters(), Map.of("--lambda-next", "2.5"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--lambda-k must be > --lambda-next");
    assertThatThrownBy(() -> study.instance(Settings.parse(study.parameters(), Map.of("--k", "4"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--k must be in [1, d - 1]");
    assertThatThrownBy(() -> study.read(Map.of("covariance", List.of(List.of(2.0, 1.0), List.of(0.0, 1.0)), "k", 1,
        "gamma", List.of(1.0), "sigma", 0.5), "asym.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("asym.json").hasMessageContaining("covariance must be symmetric");
    assertThatThrownBy(() -> study.read(Map.of("covariance", List.of(List.of(2.0, 0.0), List.of(0.0, 1.0)), "k", 1,
        "gamma", List.of(1.0), "sigma", 0.5, "sigma2", 0.25), "extra.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field sigma2");
  }
}
