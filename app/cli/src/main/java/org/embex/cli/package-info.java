/**
 * The {@code ./embex} command line: thin picocli commands over the engine. Each command reads its
 * options, calls the engine, and prints either text for people or, with {@code --json}, one JSON
 * object. Errors become exit codes in one place, {@link org.embex.cli.ErrorHandler}.
 */
package org.embex.cli;
