package twostage.models.mixture;

/**
 * The subspace-aware feature map ψ_U(x) = (π_1(x;U) B_Uᵀ(x − u_1), π_1(x;U), …) of eq. (6.4) with the
 * responsibilities (6.3), in intrinsic coordinates of the subspace (K(r+1) features): B_U is an
 * orthonormal basis of the leading eigenspace of S(U), so P_U = B_U B_Uᵀ and the span of the features
 * (hence every least-squares fit) is that of the ambient features of the paper.
 */
public final class MixtureFeatures {
  private final int k;
  private final int d;
  private final int r;
  private final double[] basisT;
  private final double[][] centreCoords;
  private final double[] halfNorms;

  /** Features at centres U (K×d) with geometry {@code geometry} computed from the same centres. */
  public MixtureFeatures(double[][] centres, SubspaceGeometry geometry) {
    this.k = centres.length;
    this.d = centres[0].length;
    this.r = geometry.rank();
    double[][] basis = geometry.basis();
    this.basisT = new double[r * d];
    for (int a = 0; a < d; a++) {
      for (int c = 0; c < r; c++) {
        basisT[c * d + a] = basis[a][c];
      }
    }
    this.centreCoords = new double[k][];
    for (int i = 0; i < k; i++) {
      centreCoords[i] = geometry.coordinates(centres[i]);
    }
    this.halfNorms = Posteriors.halfNorms(centreCoords);
  }

  /** Number of features, K(r+1). */
  public int dimension() {
    return k * (r + 1);
  }

  /** r, the subspace dimension. */
  public int subspaceDimension() {
    return r;
  }

  /** Bᵀ x into {@code z} (length r). */
  void coordinates(double[] x, int xOffset, double[] z) {
    for (int c = 0; c < r; c++) {
      int bo = c * d;
      double s = 0;
      for (int a = 0; a < d; a++) {
        s += basisT[bo + a] * x[xOffset + a];
      }
      z[c] = s;
    }
  }

  /** π(x; U) from subspace coordinates z = Bᵀx (eq. 6.3, a numerically stable softmax). */
  void responsibilities(double[] z, double[] pi) {
    Posteriors.compute(centreCoords, halfNorms, z, 0, pi);
  }

  /** Writes ψ_U(x) (x at {@code x[xOffset..]}) into {@code out[outOffset..]}; scratch z (r), pi (K). */
  public void evaluate(double[] x, int xOffset, double[] out, int outOffset, double[] z, double[] pi) {
    coordinates(x, xOffset, z);
    evaluateCoordinates(z, out, outOffset, pi);
  }

  /**
   * Writes ψ_U(x) into {@code out[outOffset..]} from the subspace coordinates z = Bᵀx alone (ψ depends
   * on x only through them); scratch pi (K).
   */
  public void evaluateCoordinates(double[] z, double[] out, int outOffset, double[] pi) {
    Posteriors.features(centreCoords, halfNorms, z, 0, pi, out, outOffset);
  }

  /**
   * ψ_U of {@code count} points from their subspace coordinates z[c][n] into out[j][n] (j &lt; K(r+1)),
   * with the same operations per point as {@link #evaluateCoordinates}; pi (K arrays), max and total
   * are scratch of length at least {@code count} (pi[i][n] is left holding π_i).
   */
  void evaluateColumns(double[][] z, int count, double[][] out, double[][] pi, double[] max, double[] total) {
    Posteriors.featureColumns(centreCoords, halfNorms, z, count, out, pi, max, total);
  }

  /** Subspace coordinates of the centres, Bᵀu_i. */
  double[][] centreCoordinates() {
    return centreCoords;
  }
}
