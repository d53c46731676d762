package twostage.theory;

/**
 * A regularity condition of Theorem 5.1 fails at the instance (singular Hessian, rank drop, ...): the
 * theory does not apply to the input, so it is a bad input (exit 2 from the command line).
 */
public final class RegularityException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RegularityException(String message) {
    super(message);
  }
}
