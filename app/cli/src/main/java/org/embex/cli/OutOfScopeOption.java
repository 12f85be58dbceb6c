package org.embex.cli;

import org.embex.usecase.OutOfScope;

/** The out-of-scope label's option, worded once for every command that takes it. */
public final class OutOfScopeOption {

    public static final String NAME = "--out-of-scope";
    public static final String ALIAS = "--oos-label";
    public static final String DESCRIPTION = "The label of texts a gate must refuse (default: the first of "
            + OutOfScope.SPELLINGS_TEXT + " found, in any case, with - or space for _).";
    /** What a file without such a label is told, after the labels it has. */
    public static final String HINT = "Name it with " + NAME + " LABEL.";

    private OutOfScopeOption() {
    }
}
