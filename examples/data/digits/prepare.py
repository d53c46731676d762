#!/usr/bin/env python3
"""Makes unlabeled.csv and labeled.csv from the UCI optical-digits test set as Debian's python3-sklearn ships it.

Usage: python3 prepare.py /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz

Steps (each one is documented in README.md beside this file):
  1. the 1797 rows of 64 pixel counts (0..16) and the digit (last column);
  2. keep the 50 pixels that are non-zero in at least 5% of the rows (the others are constant or almost:
     a pixel that is non-zero in 1 row of 1797 is an outlier to any second-moment model);
  3. centre each pixel by its mean over all rows, and divide every pixel by one common scale s, chosen so
     that the mean of the eigenvalues of the pixel covariance beyond the 5th is 1 (the unit noise variance
     of the factor model with k = 5);
  4. y = 1 if the digit is 0, else 0, centred by its mean over all rows (a linear probe for the digit 0);
  5. shuffle the rows with a fixed seed; the first 600 form labeled.csv (x and y), the other 1197 form
     unlabeled.csv (x only; their digits are dropped).
Only the Python standard library is used, so the result does not depend on a numerical library.
"""
import csv
import gzip
import random
import sys

K = 5
LABELED = 600
SEED = 20260101


def eigenvalues_sym(a):
    """Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (small matrices only)."""
    n = len(a)
    a = [row[:] for row in a]
    for _ in range(100):
        off = sum(a[i][j] ** 2 for i in range(n) for j in range(n) if i != j)
        if off < 1e-22 * sum(a[i][i] ** 2 for i in range(n)):
            break
        for p in range(n - 1):
            for q in range(p + 1, n):
                if abs(a[p][q]) < 1e-300:
                    continue
                theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                t = (1 if theta >= 0 else -1) / (abs(theta) + (theta * theta + 1) ** 0.5)
                c = 1 / (t * t + 1) ** 0.5
                s = t * c
                for k in range(n):
                    akp, akq = a[k][p], a[k][q]
                    a[k][p], a[k][q] = c * akp - s * akq, s * akp + c * akq
                for k in range(n):
                    apk, aqk = a[p][k], a[q][k]
                    a[p][k], a[q][k] = c * apk - s * aqk, s * apk + c * aqk
    return sorted((a[i][i] for i in range(n)), reverse=True)


def main(path):
    with gzip.open(path, "rt") as f:
        rows = [[float(v) for v in line] for line in csv.reader(f)]
    x = [r[:64] for r in rows]
    digit = [int(r[64]) for r in rows]
    n = len(x)
    keep = [j for j in range(64) if sum(1 for r in x if r[j] > 0) >= 0.05 * n]
    x = [[r[j] for j in keep] for r in x]
    d = len(keep)
    mean = [sum(r[j] for r in x) / n for j in range(d)]
    x = [[r[j] - mean[j] for j in range(d)] for r in x]
    cov = [[sum(r[i] * r[j] for r in x) / (n - 1) for j in range(d)] for i in range(d)]
    ev = eigenvalues_sym(cov)
    scale = (sum(ev[K:]) / (d - K)) ** 0.5
    x = [[v / scale for v in r] for r in x]
    y = [1.0 if g == 0 else 0.0 for g in digit]
    ybar = sum(y) / n
    y = [v - ybar for v in y]
    order = list(range(n))
    random.Random(SEED).shuffle(order)
    names = ["p%d" % j for j in keep]
    with open("labeled.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names + ["y"])
        for i in order[:LABELED]:
            w.writerow(["%.10g" % v for v in x[i]] + ["%.10g" % y[i]])
    with open("unlabeled.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(names)
        for i in order[LABELED:]:
            w.writerow(["%.10g" % v for v in x[i]])
    print("kept %d pixels, scale %.6g, eigenvalues %s" % (d, scale, ["%.4g" % (v / scale ** 2) for v in ev[:8]]))


if __name__ == "__main__":
    main(sys.argv[1])
