/**
 * The {@code ./embex} entry point, the one place that knows both faces: with no arguments it opens
 * the explorer, otherwise it runs the command line with the window's {@code open} and {@code plot}
 * added as commands.
 */
package org.embex.launcher;
