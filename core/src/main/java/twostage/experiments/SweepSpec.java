package twostage.experiments;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep: the limit of one model along the values of one of its numeric parameters.
 *
 * @param model the model at the fixed values
 * @param vary the swept option (e.g. {@code --d})
 * @param values the values, as typed (canonicalised per point)
 * @param alpha α of the reported law
 * @param seed random seed of every point
 */
public record SweepSpec(ModelSpec model, String vary, List<String> values, double alpha, long seed)
    implements Serializable {

  public SweepSpec {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("--values must hold at least one value");
    }
    if (!model.parameter(vary).numeric()) {
      throw new IllegalArgumentException("--vary " + vary + " is not a numeric option of " + model.model());
    }
  }

  /** One limit task per value, in the order of the values (equal canonical values merged). */
  public List<LimitStudy.Point> points() {
    List<LimitStudy.Point> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String v : values) {
      ModelSpec m = model.with(vary, v);
      String key = vary + "=" + m.options().get(vary);
      if (seen.contains(key)) {
        continue;
      }
      seen.add(key);
      double cost = m.instance().limitCost(m.settings());
      out.add(new LimitStudy.Point(key, new LimitSpec(m, alpha, LimitSpec.DEFAULT_LEVELS, seed), cost));
    }
    return out;
  }
}
