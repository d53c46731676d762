package twostage.errata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import twostage.errata.factor.FactorClaims;
import twostage.errata.spectral.SpectralClaims;
import twostage.models.factor.FactorCaseStudy;
import twostage.models.spectral.SpectralCaseStudy;
import twostage.spi.ModelInstance;

/**
 * What the paper claims about an instance of one of its case studies, for the commands to print beside
 * the engine's numbers (labelled {@code paper} as printed and {@code closedForm} as corrected;
 * docs/errata.md). Models the paper does not treat have no claims.
 */
public final class PaperClaims {
  /**
   * Largest q = kd of a spectral instance for which the paper's general route (H.27)+(H.37) (q² paper
   * traces of d×d matrices) and E[Q] = ½tr(H⁺S) (O(q³)) are computed beside the engine.
   */
  public static final int PAPER_ROUTES_MAX_Q = 100;

  private PaperClaims() {}

  /**
   * The paper's closed forms of the limit at this instance, as output fields (empty when the paper
   * states none for this model).
   */
  public static Map<String, Object> limit(ModelInstance m) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (m instanceof SpectralCaseStudy.Instance s) {
      boolean routes = s.instance().parameterDimension() <= PAPER_ROUTES_MAX_Q;
      SpectralClaims c = SpectralClaims.of(s.instance(), routes);
      Map<String, Object> paper = new LinkedHashMap<>();
      paper.put("corollary63OrH39", closedForm(c.paperClosedForm()));
      paper.put("generalPipelineH27H37", routes ? closedForm(c.paperPipeline()) : notComputed());
      paper.put("excessLossMeanH41", c.excessLossPaper());
      out.put("paper", paper);
      Map<String, Object> corrected = closedForm(c.correctedClosedForm());
      corrected.put("excessLossMean", c.excessLossCorrected());
      out.put("closedForm", corrected);
      out.put("excessLossMeanExact", routes ? c.excessLossExact() : notComputed());
    } else if (m instanceof FactorCaseStudy.Instance f) {
      FactorClaims c = FactorClaims.of(f.instance());
      out.put("paperSigma2", c.paperSigmaSquared());
      out.put("sigma2Formula", "sigma_nu^2 + beta*^T (I_k + A*^T A*)^-1 beta* (derived by conditioning)");
      int len = c.exact().weights().length;
      out.put("paper", scaledChiSquare(c.paper(), len, c.paperWeightError()));
      out.put("closedForm", scaledChiSquare(c.corrected(), len, c.correctedWeightError()));
    }
    return out;
  }

  /** The printed law of ‖L(Z)‖² that the large-m check also tests, if the paper gives one. */
  public static Optional<ClosedFormLaw> printedLaw(ModelInstance m) {
    if (m instanceof SpectralCaseStudy.Instance s) {
      return Optional.ofNullable(SpectralClaims.of(s.instance()).paperClosedForm());
    }
    if (m instanceof FactorCaseStudy.Instance f) {
      return Optional.of(FactorClaims.of(f.instance()).paper());
    }
    return Optional.empty();
  }

  /**
   * Limits of the model statistics that the large-m check reports (e.g. E[Q] = ½tr(H⁻¹S) for the
   * spectral {@code scaledExcessLoss}, the quantity (H.41) prints), by statistic name.
   */
  public static Map<String, Double> largeMReferences(ModelInstance m) {
    if (m instanceof SpectralCaseStudy.Instance s) {
      return Map.of("scaledExcessLoss", SpectralClaims.of(s.instance()).excessLossExact());
    }
    return Map.of();
  }

  private static Map<String, Object> notComputed() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("available", false);
    o.put("why", "not computed for q = kd > " + PAPER_ROUTES_MAX_Q + " (its cost grows like q^2 d^2)");
    return o;
  }

  private static Map<String, Object> closedForm(ClosedFormLaw f) {
    Map<String, Object> o = new LinkedHashMap<>();
    if (f == null) {
      o.put("available", false);
      o.put("why", "closed form defined only for diagonal instances (Corollary 6.3 / Appendix H.7 setting)");
      return o;
    }
    o.put("available", true);
    o.put("label", f.label());
    o.put("source", f.source());
    o.put("mean", f.mean());
    o.put("weights", f.weights());
    return o;
  }

  private static Map<String, Object> scaledChiSquare(ClosedFormLaw law, int length, double relativeWeightError) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("label", law.label());
    o.put("formula", law.source());
    o.put("mean", law.mean());
    o.put("weight", law.commonWeight());
    o.put("degreesOfFreedom", law.degreesOfFreedom());
    o.put("weights", law.weights(length));
    o.put("maxRelativeWeightErrorVsEngine", relativeWeightError);
    return o;
  }
}
