package org.embex.duplicates;

import java.util.Arrays;

/**
 * Rows that are near-duplicates of one representative row: every member is at or above the
 * threshold with the representative (not necessarily with each other).
 *
 * @param members the representative first, then the others closest first
 * @param scores  each member's cosine with the representative (1 for the representative itself)
 */
public record DuplicateGroup(int[] members, float[] scores) {

    public DuplicateGroup {
        if (members.length < 2 || members.length != scores.length) {
            throw new IllegalArgumentException("a group is a representative and at least one more row, each with a score");
        }
        members = members.clone();
        scores = scores.clone();
    }

    public int representative() {
        return members[0];
    }

    public int size() {
        return members.length;
    }

    /** The lowest score of a member with the representative. */
    public float weakest() {
        float weakest = 1;
        for (int m = 1; m < scores.length; m++) {
            weakest = Math.min(weakest, scores[m]);
        }
        return weakest;
    }

    @Override
    public int[] members() {
        return members.clone();
    }

    @Override
    public float[] scores() {
        return scores.clone();
    }

    public int member(int at) {
        return members[at];
    }

    public float score(int at) {
        return scores[at];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DuplicateGroup group && Arrays.equals(members, group.members)
                && Arrays.equals(scores, group.scores);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(members) + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "DuplicateGroup" + Arrays.toString(members);
    }
}
