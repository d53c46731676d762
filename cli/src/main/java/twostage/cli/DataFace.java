package twostage.cli;

import picocli.CommandLine.Mixin;
import twostage.spi.CaseStudy;

/**
 * The face of a command that estimates from data ({@code --unlabeled}, {@code --labeled}) as well as
 * from a known population: the run options, the data options and the model's options on data
 * (docs/data.md).
 */
abstract class DataFace extends ModelFace {
  @Mixin RunOptions run;

  @Mixin DataOptions data;

  DataFace(CaseStudy study) {
    super(study);
  }

  @Override
  final boolean takesData() {
    return true;
  }
}
