package org.embex.progress;

import org.embex.EmbexException;

/** Long work stopped because it was asked to; nothing it had not finished is kept. */
public class CancelledException extends EmbexException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
