package org.embex.corpus;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * The iterator half of a {@link RecordReader}: subclasses only say how to read the next record,
 * and hand the records they cannot take to {@link #reject}.
 */
abstract class LookaheadReader implements RecordReader {

    private final BadRows bad;
    private SourceRecord next;

    LookaheadReader(BadRows bad) {
        this.bad = bad;
    }

    /** The next record, or null at the end of the input. */
    protected abstract SourceRecord fetch();

    /** Stops the reading at a bad record, or when skipping sets it aside; the subclass then reads on. */
    protected final void reject(CorpusFormatException problem) {
        bad.reject(problem);
    }

    @Override
    public final List<SkippedRow> skipped() {
        return bad.skipped();
    }

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = fetch();
        }
        return next != null;
    }

    @Override
    public final SourceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord record = next;
        next = null;
        return record;
    }
}
