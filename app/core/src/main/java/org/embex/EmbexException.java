package org.embex;

/**
 * A failure the user can act on. {@link #getMessage()} is one line fit to show a user as it is;
 * the cause, if any, carries the technical detail for logs.
 */
public class EmbexException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbexException(String message) {
        super(message);
    }

    public EmbexException(String message, Throwable cause) {
        super(message, cause);
    }
}
