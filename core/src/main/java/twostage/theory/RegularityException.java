package twostage.theory;

/**
 * A regularity condition of Theorem 5.1 fails at the instance (singular Hessian, rank drop, features
 * not equivariant, ...): the theory does not apply to the input, so it is bad input (the command line
 * exits with code 2 and the message, which says what is wrong).
 */
public final class RegularityException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RegularityException(String message) {
    super(message);
  }
}
