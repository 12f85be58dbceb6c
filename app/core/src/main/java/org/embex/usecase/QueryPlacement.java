package org.embex.usecase;

import java.util.List;

import org.embex.layout.Layout;
import org.embex.vectors.Neighbour;

/**
 * Where a typed query goes on a map it was not part of: among its nearest texts, at their
 * positions averaged with weights that favour the closest. Projecting a new point through UMAP or
 * t-SNE would need the whole optimisation; the neighbours already say where it belongs.
 */
public final class QueryPlacement {

    private QueryPlacement() {
    }

    /** The point ({@code x}, {@code y}) for a query whose neighbours, best first, are {@code neighbours}. */
    public static double[] place(Layout layout, List<Neighbour> neighbours) {
        if (neighbours.isEmpty()) {
            throw new IllegalArgumentException("a query needs at least one neighbour to be placed");
        }
        double best = neighbours.get(0).score();
        double x = 0;
        double y = 0;
        double total = 0;
        for (Neighbour neighbour : neighbours) {
            // Weights fall off with the gap to the best score, so one far neighbour cannot drag the point away.
            double weight = Math.exp(-20 * (best - neighbour.score()));
            x += weight * layout.x()[neighbour.index()];
            y += weight * layout.y()[neighbour.index()];
            total += weight;
        }
        return new double[] {x / total, y / total};
    }
}
