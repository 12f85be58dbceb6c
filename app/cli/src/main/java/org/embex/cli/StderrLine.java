package org.embex.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error that knows whether its current line is open: a progress bar redraws its line with
 * a carriage return and no newline, so an error raised mid-way would land on the bar's line. The
 * error handler ends such a line first ({@link #endLine()}).
 */
final class StderrLine extends PrintWriter {

    private boolean open;

    StderrLine(Writer out) {
        super(out, true);
    }

    @Override
    public void write(int c) {
        super.write(c);
        open = c != '\n';
    }

    @Override
    public void write(char[] buf, int off, int len) {
        super.write(buf, off, len);
        if (len > 0) {
            open = buf[off + len - 1] != '\n';
        }
    }

    @Override
    public void write(String s, int off, int len) {
        super.write(s, off, len);
        if (len > 0) {
            open = s.charAt(off + len - 1) != '\n';
        }
    }

    @Override
    public void println() {
        super.println();
        open = false;
    }

    /** Starts a new line if something was left on the current one. */
    void endLine() {
        if (open) {
            println();
        }
    }
}
