package twostage.theory;

import org.ejml.data.DMatrixRMaj;
import twostage.linalg.Sym;
import twostage.linalg.SymmetricEigen;

/**
 * The numerical rank of a Gram matrix of functions, with the eigenvalue gap around the cut.
 *
 * <p>Used for d_base (end of Section 5, Appendix G.4): the dimension of the tangent space
 * T_base = {⟨δθ, ψ(·, w⋆)⟩ + J(·)·δw} of the downstream-only class F at f⋆, which is the rank of the
 * joint Gram E[[ψ; J][ψ; J]ᵀ] = [[Σψ, C], [Cᵀ, E[JJᵀ]]] (docs/math.md §4).
 *
 * <p>The Gram is first scaled to unit diagonal, D^{-1/2} M D^{-1/2} with D = diag(M) (a change of
 * coordinates of (δθ, δw), which leaves the rank unchanged and removes the arbitrary relative scale of
 * ψ and J); coordinates whose diagonal is at most {@link #ZERO_DIAGONAL} times the largest (functions
 * that vanish identically) are dropped. An eigenvalue counts when it exceeds {@code tolerance} times
 * the largest. Exact linear dependencies among the functions make even a Monte Carlo Gram exactly
 * singular (its eigenvalues are then round-off), so a relative tolerance separates them; the gap
 * {@link #lastKept()} / {@link #firstDropped()} shows how clean the cut is.
 *
 * @param rank number of eigenvalues above {@code tolerance · max}
 * @param tolerance the relative tolerance used
 * @param eigenvalues eigenvalues of the unit-diagonal Gram, largest first, divided by the largest
 * @param droppedCoordinates coordinates dropped because their function vanishes identically
 */
public record TangentRank(int rank, double tolerance, double[] eigenvalues, int droppedCoordinates) {

  /** Default relative tolerance (eigenvalues relative to the largest, after unit-diagonal scaling). */
  public static final double DEFAULT_TOLERANCE = 1e-9;

  /** Relative size of a diagonal entry below which a coordinate is treated as the zero function. */
  public static final double ZERO_DIAGONAL = 1e-24;

  /** Rank of a symmetric positive semi-definite Gram matrix {@code gram}. */
  public static TangentRank of(DMatrixRMaj gram, double tolerance) {
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("rank tolerance must be in (0, 1), got " + tolerance);
    }
    int n = gram.numRows;
    if (gram.numCols != n) {
      throw new IllegalArgumentException("Gram matrix must be square, got " + n + "x" + gram.numCols);
    }
    double maxDiag = 0;
    for (int i = 0; i < n; i++) {
      maxDiag = Math.max(maxDiag, gram.get(i, i));
    }
    int[] keep = new int[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (gram.get(i, i) > ZERO_DIAGONAL * maxDiag && maxDiag > 0) {
        keep[kept++] = i;
      }
    }
    DMatrixRMaj scaled = new DMatrixRMaj(kept, kept);
    for (int a = 0; a < kept; a++) {
      double da = Math.sqrt(gram.get(keep[a], keep[a]));
      for (int b = 0; b < kept; b++) {
        double db = Math.sqrt(gram.get(keep[b], keep[b]));
        scaled.set(a, b, gram.get(keep[a], keep[b]) / (da * db));
      }
    }
    double[] values = SymmetricEigen.of(Sym.symmetrized(scaled)).values();
    double top = values.length == 0 ? 0 : values[0];
    int rank = 0;
    double[] relative = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      relative[i] = top > 0 ? values[i] / top : 0;
      if (relative[i] > tolerance) {
        rank++;
      }
    }
    return new TangentRank(rank, tolerance, relative, n - kept);
  }

  /** d_base: the rank of E[[ψ; J][ψ; J]ᵀ] built from the downstream moments at (θ⋆, w⋆). */
  public static TangentRank baseline(DownstreamMoments down, double tolerance) {
    return of(jointGram(down), tolerance);
  }

  /** {@link #baseline(DownstreamMoments, double)} with {@link #DEFAULT_TOLERANCE}. */
  public static TangentRank baseline(DownstreamMoments down) {
    return baseline(down, DEFAULT_TOLERANCE);
  }

  /** [[Σψ, C], [Cᵀ, E[JJᵀ]]], the (p+q)×(p+q) Gram of the concatenated functions [ψ; J]. */
  public static DMatrixRMaj jointGram(DownstreamMoments down) {
    int p = down.featureDimension();
    int q = down.parameterDimension();
    DMatrixRMaj m = new DMatrixRMaj(p + q, p + q);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        m.set(i, j, down.featureGram().get(i, j));
      }
      for (int j = 0; j < q; j++) {
        m.set(i, p + j, down.cross().get(i, j));
        m.set(p + j, i, down.cross().get(i, j));
      }
    }
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        m.set(p + i, p + j, down.jacobianGram().get(i, j));
      }
    }
    return m;
  }

  /** The smallest eigenvalue counted in the rank (relative to the largest); NaN when the rank is 0. */
  public double lastKept() {
    return rank == 0 ? Double.NaN : eigenvalues[rank - 1];
  }

  /** The largest eigenvalue below the cut (relative, may be round-off or slightly negative); NaN if none. */
  public double firstDropped() {
    return rank < eigenvalues.length ? eigenvalues[rank] : Double.NaN;
  }

  /** lastKept / max(|firstDropped|, tiny): how many orders of magnitude separate kept from dropped. */
  public double gap() {
    if (rank == 0 || rank >= eigenvalues.length) {
      return Double.POSITIVE_INFINITY;
    }
    return lastKept() / Math.max(Math.abs(firstDropped()), Double.MIN_NORMAL);
  }
}
