package twostage.spi;

/**
 * A {@link CaseStudy} whose name and line of help are fixed when it is constructed, so that a subclass
 * states them once ({@code super("factor", "Factor model ...")}) and writes only what differs between
 * models: its parameters and its instances.
 */
public abstract class AbstractCaseStudy implements CaseStudy {
  private final String name;
  private final String description;

  /**
   * @param name the name on the command line (checked by {@link Registry}: lower-case letters, digits, '-')
   * @param description one line of help
   */
  protected AbstractCaseStudy(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }
}
