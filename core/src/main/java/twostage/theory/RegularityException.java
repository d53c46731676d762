package twostage.theory;

/** A regularity condition of Theorem 5.1 fails at the instance (singular Hessian, rank drop, ...). */
public final class RegularityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegularityException(String message) {
    super(message);
  }
}
