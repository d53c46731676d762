package twostage.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import twostage.errata.ClosedFormLaw;

/** JSON views of closed-form laws c²χ²_r (paper as printed, corrected). */
final class ClosedForms {
  private ClosedForms() {}

  static ObjectNode json(ClosedFormLaw law, int length, double relativeWeightError) {
    ObjectNode o = Json.object();
    o.put("label", law.label());
    o.put("formula", law.source());
    o.put("mean", law.mean());
    o.put("weight", law.commonWeight());
    o.put("degreesOfFreedom", law.degreesOfFreedom());
    o.set("weights", Json.array(law.weights(length)));
    o.put("maxRelativeWeightErrorVsEngine", relativeWeightError);
    return o;
  }
}
