package org.embex.corpus;

import java.util.NoSuchElementException;

/** The iterator half of a {@link RecordReader}: subclasses only say how to read the next record. */
abstract class LookaheadReader implements RecordReader {

    private SourceRecord next;

    /** The next record, or null at the end of the input. */
    protected abstract SourceRecord fetch();

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
