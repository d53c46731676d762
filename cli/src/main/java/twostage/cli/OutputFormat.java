package twostage.cli;

/** How a command prints its result on standard output. */
public enum OutputFormat {
  /** Aligned text for people. */
  TABLE,
  /** Pretty JSON for machines. */
  JSON
}
