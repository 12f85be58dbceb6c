/**
 * The {@code ./embex} command line, one of embex's two faces: thin picocli commands over the use
 * cases of {@code org.embex.usecase}. Each command parses its options, calls one use case, and
 * prints either text for people (rates as percentages) or, with {@code --json}, one JSON object
 * (rates as fractions). Errors become exit codes in one place, {@link org.embex.cli.ErrorHandler}.
 * It knows nothing of the window; the launcher adds the window's {@code open} and {@code plot}.
 */
package org.embex.cli;
