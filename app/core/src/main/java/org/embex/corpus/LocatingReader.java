package org.embex.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * Decodes a byte stream strictly, skipping a leading byte-order mark, and knows the line and
 * column it has reached, so that a byte that is not in the charset is reported where it is
 * instead of turning silently into U+FFFD.
 */
final class LocatingReader extends Reader {

    private static final int CHUNK = 1 << 16;

    private final Path file;
    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    private final CharBuffer chars = CharBuffer.allocate(CHUNK);
    private boolean endOfInput;
    private boolean started;
    /** Characters handed out so far. */
    private long delivered;
    /** Offsets of line breaks handed out but not yet asked about, for parsers that read ahead. */
    private final ArrayDeque<Long> pendingBreaks = new ArrayDeque<>();
    private long linesBefore = 1;
    private long lastBreak = -1;

    LocatingReader(Path file, InputStream in, Charset charset) {
        this.file = file;
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int count = Math.min(length, chars.remaining());
        chars.get(target, offset, count);
        for (int i = 0; i < count; i++) {
            if (target[offset + i] == '\n') {
                lastBreak = delivered + i;
                pendingBreaks.add(lastBreak);
            }
        }
        delivered += count;
        return count;
    }

    /**
     * The 1-based line of the character at {@code offset}. Offsets must not decrease from one
     * call to the next; that lets this forget the breaks behind it.
     */
    long lineAt(long offset) {
        while (!pendingBreaks.isEmpty() && pendingBreaks.peekFirst() < offset) {
            pendingBreaks.pollFirst();
            linesBefore++;
        }
        return linesBefore;
    }

    /**
     * Whether the line that starts at {@code offset} is empty: its break ({@code \n}, or
     * {@code \r\n}) follows at once and has been handed out. Offsets must not decrease from one
     * call to the next, as for {@link #lineAt}.
     */
    boolean emptyLineAt(long offset) {
        lineAt(offset);
        Long next = pendingBreaks.peekFirst();
        return next != null && next - offset <= 1;
    }

    /** Decodes the next chunk; false at the end of the input. */
    private boolean fill() throws IOException {
        if (endOfInput && !bytes.hasRemaining()) {
            return false;
        }
        bytes.compact();
        if (!endOfInput) {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + read);
            }
        }
        bytes.flip();
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && !result.isError()) {
            result = decoder.flush(chars);
        }
        chars.flip();
        if (result.isError()) {
            throw malformed(bytes.get(bytes.position()) & 0xFF);
        }
        if (!started) {
            started = true;
            if (chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        return chars.hasRemaining() || !endOfInput || bytes.hasRemaining();
    }

    /** Where the bad byte is: after the characters decoded before it, which the caller has not read yet. */
    private CorpusFormatException malformed(int badByte) {
        long badLine = linesBefore + pendingBreaks.size();
        long badColumn = delivered - lastBreak;
        while (chars.hasRemaining()) {
            if (chars.get() == '\n') {
                badLine++;
                badColumn = 1;
            } else {
                badColumn++;
            }
        }
        String hint = charset.equals(StandardCharsets.UTF_8)
                ? "convert the file to UTF-8 or name its encoding" : "is the encoding right?";
        return new CorpusFormatException(file, badLine, badColumn,
                String.format("byte 0x%02X is not %s; %s", badByte, charset.name(), hint));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
