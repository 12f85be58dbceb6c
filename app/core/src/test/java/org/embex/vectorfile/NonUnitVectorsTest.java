package org.embex.vectorfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.embex.gate.GateDecision;
import org.embex.gate.GateScoring;
import org.embex.gate.IntentGate;
import org.embex.layout.PrincipalComponents;
import org.embex.neighbours.ExactKnn;
import org.embex.neighbours.GraphIndex;
import org.embex.neighbours.KnnGraph;
import org.embex.progress.ProgressListener;
import org.embex.vectors.Metric;
import org.embex.vectors.Neighbour;
import org.embex.vectors.VectorMatrix;
import org.junit.jupiter.api.Test;

/**
 * embex's own vectors are unit length, so code could take a dot product for a cosine; a user's may
 * be any length. Every place that compares by cosine is checked here with the same directions at
 * lengths from 0.2 to 5: the answers must not move. Dot and L2 must see the lengths.
 */
class NonUnitVectorsTest {

    private static final int ROWS = 600;
    private static final int DIMS = 24;
    private static final String[] INTENTS = {"billing", "roaming", "signal", "device"};

    private final SplittableRandom random = new SplittableRandom(7);
    private final List<float[]> unit = new ArrayList<>();
    private final List<float[]> scaled = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    NonUnitVectorsTest() {
        float[][] centres = new float[INTENTS.length][DIMS];
        for (float[] centre : centres) {
            for (int j = 0; j < DIMS; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        for (int i = 0; i < ROWS; i++) {
            float[] vector = new float[DIMS];
            for (int j = 0; j < DIMS; j++) {
                vector[j] = centres[i % INTENTS.length][j] + (float) (0.8 * random.nextGaussian());
            }
            Metric.normalize(vector);
            unit.add(vector);
            float length = (float) (0.2 + 4.8 * random.nextDouble());
            float[] longer = new float[DIMS];
            for (int j = 0; j < DIMS; j++) {
                longer[j] = vector[j] * length;
            }
            scaled.add(longer);
            labels.add(INTENTS[i % INTENTS.length]);
        }
    }

    private static List<Integer> indices(List<Neighbour> neighbours) {
        return neighbours.stream().map(Neighbour::index).toList();
    }

    @Test
    void exactSearchByCosineIgnoresLengthAndByDotOrL2DoesNot() {
        VectorMatrix a = VectorMatrix.of(unit, DIMS);
        VectorMatrix b = VectorMatrix.of(scaled, DIMS);
        int cosineSame = 0;
        int dotSame = 0;
        int l2Same = 0;
        for (int q = 0; q < 50; q++) {
            float[] query = scaled.get(q * 7);
            cosineSame += indices(a.topK(query, 10, Metric.COSINE)).equals(indices(b.topK(query, 10, Metric.COSINE))) ? 1 : 0;
            dotSame += indices(a.topK(query, 10, Metric.DOT)).equals(indices(b.topK(query, 10, Metric.DOT))) ? 1 : 0;
            l2Same += indices(a.topK(query, 10, Metric.L2)).equals(indices(b.topK(query, 10, Metric.L2))) ? 1 : 0;
            assertThat(b.topK(query, 10, Metric.COSINE).get(0).score()).isLessThanOrEqualTo(1.0 + 1e-6);
        }
        assertThat(cosineSame).isEqualTo(50);
        assertThat(dotSame).isLessThan(10);
        assertThat(l2Same).isLessThan(10);
    }

    @Test
    void theNeighbourGraphsOfTheMapsIgnoreLengthUnderCosine() {
        KnnGraph a = ExactKnn.build(VectorMatrix.of(unit, DIMS), 15, Metric.COSINE, ProgressListener.NONE);
        KnnGraph b = ExactKnn.build(VectorMatrix.of(scaled, DIMS), 15, Metric.COSINE, ProgressListener.NONE);
        int same = 0;
        for (int i = 0; i < ROWS; i++) {
            same += java.util.Arrays.equals(a.neighbours()[i], b.neighbours()[i]) ? 1 : 0;
            for (int s = 0; s < 15; s++) {
                assertThat(b.distances()[i][s]).isCloseTo(a.distances()[i][s], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
        // Float rounding may swap two neighbours at a near tie; not more than a few rows.
        assertThat(same).isGreaterThanOrEqualTo(ROWS - 5);
    }

    @Test
    void theGraphIndexFindsTheSameNeighboursUnderCosine() {
        GraphIndex a = GraphIndex.build(VectorMatrix.of(unit, DIMS), Metric.COSINE, 3, ProgressListener.NONE);
        GraphIndex b = GraphIndex.build(VectorMatrix.of(scaled, DIMS), Metric.COSINE, 3, ProgressListener.NONE);
        int overlap = 0;
        for (int q = 0; q < 40; q++) {
            List<Integer> found = indices(b.search(scaled.get(q * 11), 10));
            overlap += (int) indices(a.search(unit.get(q * 11), 10)).stream().filter(found::contains).count();
        }
        assertThat(overlap).isGreaterThanOrEqualTo(390);
    }

    @Test
    void theGateByNearestExampleAndByCentroidIgnoresLength() {
        for (GateScoring scoring : GateScoring.values()) {
            IntentGate a = IntentGate.build("m", "", scoring, 0.5, labels.subList(0, 400), labels.subList(0, 400),
                    unit.subList(0, 400), DIMS);
            IntentGate b = IntentGate.build("m", "", scoring, 0.5, labels.subList(0, 400), labels.subList(0, 400),
                    scaled.subList(0, 400), DIMS);
            List<GateDecision> first = a.decideAll(scaled.subList(400, ROWS));
            List<GateDecision> second = b.decideAll(scaled.subList(400, ROWS));
            for (int i = 0; i < first.size(); i++) {
                assertThat(second.get(i).intent()).as("%s, query %d", scoring, i).isEqualTo(first.get(i).intent());
                assertThat(second.get(i).score()).isCloseTo(first.get(i).score(), org.assertj.core.data.Offset.offset(1e-5));
                assertThat(second.get(i).accepted()).isEqualTo(first.get(i).accepted());
            }
        }
    }

    @Test
    void pcaUsesTheVectorsAsGivenAndUnitAsksForDirectionsOnly() {
        float[] unitX = PrincipalComponents.project(VectorMatrix.of(unit, DIMS), 1).x();
        float[] scaledX = PrincipalComponents.project(VectorMatrix.of(scaled, DIMS), 1).x();
        double spreadUnit = spread(unitX);
        double spreadScaled = spread(scaledX);
        // Lengths from 0.2 to 5 stretch the map: PCA sees them, as the note says.
        assertThat(spreadScaled).isGreaterThan(2 * spreadUnit);
    }

    private static double spread(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }
}
