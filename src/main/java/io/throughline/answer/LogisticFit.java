package io.throughline.answer;

import java.util.List;

/**
 * Weighted logistic regression by Newton's method with a light L2 penalty that spares the intercept, pulled towards
 * {@code prior} weights rather than zero: deterministic (no random start, no shuffling), so every node of a cluster
 * fits the same curve from the same examples.
 */
public final class LogisticFit {

    /** One observation: its features (without the constant 1), whether it was a success, and how much it counts. */
    public record Example(double[] features, int label, double weight) {
    }

    private static final int MAX_ITERATIONS = 100;

    private LogisticFit() {
    }

    /**
     * @param l2    penalty per unit of total weight on each non-intercept weight's distance from the prior
     * @param prior the weights (intercept first) the penalty pulls towards
     * @return the weights, intercept first
     */
    public static double[] fit(List<Example> examples, double l2, double[] prior) {
        int n = prior.length;
        double[] w = prior.clone();
        double total = examples.stream().mapToDouble(Example::weight).sum();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (Example example : examples) {
                double[] x = withIntercept(example.features());
                double p = sigmoid(dot(w, x));
                for (int a = 0; a < n; a++) {
                    gradient[a] += example.weight() * (p - example.label()) * x[a];
                    for (int b = 0; b < n; b++) {
                        hessian[a][b] += example.weight() * p * (1 - p) * x[a] * x[b];
                    }
                }
            }
            for (int a = 1; a < n; a++) {
                gradient[a] += l2 * total * (w[a] - prior[a]);
                hessian[a][a] += l2 * total;
            }
            for (int a = 0; a < n; a++) {
                hessian[a][a] += 1e-9 * total;
            }
            double[] step = solve(hessian, gradient);
            // Newton's full step can overshoot where the curve saturates: halve it until the loss goes down
            double before = loss(examples, w, l2, total, prior);
            double[] next = w.clone();
            for (int halving = 0; halving < 30; halving++) {
                for (int a = 0; a < n; a++) {
                    next[a] = w[a] - step[a];
                }
                if (loss(examples, next, l2, total, prior) <= before) {
                    break;
                }
                for (int a = 0; a < n; a++) {
                    step[a] /= 2;
                }
            }
            double change = 0;
            for (int a = 0; a < n; a++) {
                change += Math.abs(next[a] - w[a]);
                w[a] = next[a];
            }
            if (change < 1e-10) {
                break;
            }
        }
        return w;
    }

    private static double loss(List<Example> examples, double[] w, double l2, double total, double[] prior) {
        double loss = 0;
        for (Example example : examples) {
            double z = dot(w, withIntercept(example.features()));
            // log(1 + e^z) - y z, written so that it does not overflow
            loss += example.weight() * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - example.label() * z);
        }
        for (int a = 1; a < w.length; a++) {
            loss += 0.5 * l2 * total * (w[a] - prior[a]) * (w[a] - prior[a]);
        }
        return loss;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double dot(double[] w, double[] x) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * x[i];
        }
        return sum;
    }

    private static double[] withIntercept(double[] features) {
        double[] x = new double[features.length + 1];
        x[0] = 1;
        System.arraycopy(features, 0, x, 1, features.length);
        return x;
    }

    /** Gaussian elimination with partial pivoting for the small Newton step. */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= factor * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
