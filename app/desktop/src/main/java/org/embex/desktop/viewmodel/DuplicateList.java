package org.embex.desktop.viewmodel;

import java.util.List;

/**
 * The near-duplicate groups on show, as the duplicates pane lists them.
 *
 * @param heading what was found, or what to do first
 * @param groups  largest first, numbered from 1
 */
public record DuplicateList(String heading, List<Group> groups) {

    public static final DuplicateList NONE = new DuplicateList(
            "Pick a threshold (the threshold workbench's on labelled pairs, or your own) and press Find.", List.of());

    public DuplicateList {
        groups = List.copyOf(groups);
    }

    /** A group: its members, the representative first. */
    public record Group(int number, float weakest, List<Member> members) {

        public Group {
            members = List.copyOf(members);
        }

        public Member representative() {
            return members.get(0);
        }
    }

    /** A row of a group with its cosine to the group's representative. */
    public record Member(int index, String id, String text, String label, float score) {
    }
}
