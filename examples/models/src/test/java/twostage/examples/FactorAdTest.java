package twostage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import twostage.ad.AnalysisOptions;
import twostage.ad.AutomaticDerivatives;
import twostage.ad.ModelAnalysis;
import twostage.ad.ModelLaw;
import twostage.ad.Objective;
import twostage.ad.ResolvedModel;
import twostage.exec.SequentialRunner;
import twostage.simulate.FitDiagnostics;
import twostage.simulate.PopulationMoments;
import twostage.stats.Estimate;
import twostage.models.factor.FactorDownstream;
import twostage.models.factor.FactorInstance;
import twostage.models.factor.FactorLimit;
import twostage.models.factor.FactorModel;
import twostage.models.factor.FactorPretraining;
import twostage.random.Streams;
import twostage.theory.AsymptoticEngine;
import twostage.theory.DownstreamSampler;
import twostage.theory.Interaction;
import twostage.theory.ScoreSampler;

class FactorAdTest {

  static Stream<FactorInstance> instances() throws IOException {
    Stream<FactorInstance> files;
    try (Stream<Path> list = Files.list(Path.of("..")) /* examples/, beside this module */) {
      files = list.filter(p -> p.getFileName().toString().startsWith("factor")).sorted()
          .map(FactorAdTest::read).toList().stream();
    }
    return Stream.concat(files, Stream.of(FactorInstance.generated(2, 5, 1)));
  }

  static FactorInstance read(Path file) {
    try {
      JsonNode n = new ObjectMapper().readTree(file.toFile());
      double[][] a = new ObjectMapper().convertValue(n.get("A"), double[][].class);
      double[] beta = new ObjectMapper().convertValue(n.get("beta"), double[].class);
      return FactorInstance.of(a, beta, n.get("sigmaNu").asDouble());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("instances")
  void automaticDerivativesMatchTheHandWrittenOnes(FactorInstance instance) {
    FactorAd ad = new FactorAd(instance);
    FactorModel model = FactorModel.of(instance);
    AutomaticDerivatives auto = new AutomaticDerivatives(ad);
    int q = ad.parameterDimension();
    int p = ad.featureDimension();
    ScoreSampler hand = FactorPretraining.mEstimatorSampler(model);
    DownstreamSampler handDown = FactorDownstream.sampler(model);
    UniformRandomProvider mine = Streams.of(7);
    UniformRandomProvider theirs = Streams.of(7);
    double[] w = ad.truth();
    double[] theta = ad.readout();
    double worstScore = 0;
    double worstHessian = 0;
    double worstJ = 0;
    for (int s = 0; s < 50; s++) {
      double[] x = new double[ad.sampleDimension()];
      ad.samplePretraining(mine, 1, x);
      double[] score = new double[q];
      double[] hess = new double[q * q];
      hand.sample(theirs, 1, score, hess);
      double[] adScore = new double[q];
      double[] adHess = new double[q * q];
      auto.addHessian(w, x, adHess, adScore);
      worstScore = Math.max(worstScore, relative(adScore, score));
      worstHessian = Math.max(worstHessian, relative(adHess, hess));

      ad.sampleDownstream(mine, 1, x);
      double[] psi = new double[p];
      double[] jac = new double[q];
      handDown.sample(theirs, 1, psi, jac);
      double[] adPsi = new double[p];
      double[] k = new double[p * q];
      auto.features(w, x, adPsi, k);
      double[] adJ = new double[q];
      for (int b = 0; b < q; b++) {
        for (int a = 0; a < p; a++) {
          adJ[b] += theta[a] * k[a * q + b];
        }
      }
      worstJ = Math.max(worstJ, Math.max(relative(adPsi, psi), relative(adJ, jac)));
    }
    assertThat(worstScore).isLessThan(1e-10);
    assertThat(worstHessian).isLessThan(1e-10);
    assertThat(worstJ).isLessThan(1e-10);
  }

  @Test
  void closedFormRepresentationAgreesWithMonteCarlo() {
    // Rep of a fit away from the truth: the Gaussian closed form against the generic Monte Carlo one
    FactorInstance inst = FactorInstance.generated(2, 5, 4);
    ResolvedModel r = ModelAnalysis.resolve(new FactorAd(inst), AnalysisOptions.defaults().withPilot(2_000, 2_000),
        1, new SequentialRunner());
    double[] fitted = r.truth().clone();
    for (int i = 0; i < fitted.length; i++) {
      fitted[i] += 0.05 * Math.cos(3.0 * i);
    }
    FitDiagnostics diag = new FitDiagnostics(true, false, Double.NaN, 0);
    PopulationMoments exact = r.model().representation(fitted, r.truth(), r.readout().theta(), diag)
        .population(Streams.of(1));
    PopulationMoments mc = r.twoStage(400_000).representation(fitted, diag).population(Streams.of(2));
    Estimate e = exact.representationError();
    Estimate m = mc.representationError();
    assertThat(e.stdError()).isZero();
    assertThat(e.value()).isPositive();
    assertThat(m.stdError()).isPositive().isLessThan(0.05 * e.value());
    assertThat(Math.abs(e.value() - m.value())).isLessThan(3 * m.stdError());
  }

  @Test
  void sufficientStatisticLossEqualsTheMeanPerSampleLoss() {
    FactorAd ad = new FactorAd(FactorInstance.generated(2, 4, 3));
    int m = 40;
    double[] z = new double[m * 4];
    ad.samplePretraining(Streams.of(1), m, z);
    double[] t = new double[16];
    double mean = 0;
    AutomaticDerivatives auto = new AutomaticDerivatives(ad);
    double[] w = ad.truth();
    for (int i = 0; i < 8; i++) {
      w[i] += 0.1 * (i % 3 - 1);
    }
    for (int i = 0; i < m; i++) {
      double[] zi = java.util.Arrays.copyOfRange(z, i * 4, i * 4 + 4);
      ad.sufficientStatistic().accumulate(zi, t);
      mean += auto.loss(w, zi) / m;
    }
    for (int i = 0; i < 16; i++) {
      t[i] /= m;
    }
    double viaStat = Objective.of(ad.sufficientStatistic(), t, 8).value(w);
    assertThat(viaStat).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(mean)));
  }

  private static double relative(double[] a, double[] b) {
    double err = 0;
    double scale = 0;
    for (int i = 0; i < a.length; i++) {
      err = Math.max(err, Math.abs(a[i] - b[i]));
      scale = Math.max(scale, Math.abs(b[i]));
    }
    return err / Math.max(scale, 1e-300);
  }
}
