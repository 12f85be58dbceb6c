package org.embex.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RunPlanTest {

    @Test
    void runsAreCutWhereTheLengthsJump() {
        int[] lengths = {5, 5, 5, 5, 30, 30, 30, 30};
        assertThat(RunPlan.cheapest(lengths, 8)).containsExactly(new RunPlan.Run(4, 8), new RunPlan.Run(0, 4));
    }

    @Test
    void textsOfOneLengthShareAsFewRunsAsTheCapAllows() {
        int[] lengths = new int[20];
        Arrays.fill(lengths, 12);
        assertThat(RunPlan.cheapest(lengths, 10)).extracting(RunPlan.Run::size).containsExactly(10, 10);
    }

    @Test
    void aLoneLongTextIsNotWorthARunOfItsOwnWhenItPadsLittle() {
        // Padding five texts by one token each costs less than a run of its own.
        int[] lengths = {10, 10, 10, 10, 10, 11};
        assertThat(RunPlan.cheapest(lengths, 6)).containsExactly(new RunPlan.Run(0, 6));
    }

    @Test
    void theCutCoversEveryTextOnceAndNeverCostsMoreThanFixedRuns() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int count = 1 + random.nextInt(80);
            int[] lengths = random.ints(count, 3, 60).sorted().toArray();
            int maxRun = 1 + random.nextInt(count);
            List<RunPlan.Run> runs = RunPlan.cheapest(lengths, maxRun);
            boolean[] covered = new boolean[count];
            for (RunPlan.Run run : runs) {
                assertThat(run.size()).isBetween(1, maxRun);
                for (int i = run.from(); i < run.to(); i++) {
                    assertThat(covered[i]).as("text %d in two runs", i).isFalse();
                    covered[i] = true;
                }
            }
            assertThat(covered).doesNotContain(false);
            for (int size = 1; size <= maxRun; size++) {
                assertThat(RunPlan.cost(runs, lengths)).isLessThanOrEqualTo(RunPlan.cost(RunPlan.fixed(count, size), lengths));
            }
            for (int i = 1; i < runs.size(); i++) {
                RunPlan.Run before = runs.get(i - 1);
                RunPlan.Run after = runs.get(i);
                assertThat((long) before.size() * lengths[before.to() - 1])
                        .as("costly runs first").isGreaterThanOrEqualTo((long) after.size() * lengths[after.to() - 1]);
            }
        }
    }
}
