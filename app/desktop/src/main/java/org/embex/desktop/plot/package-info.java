/**
 * The window's views as figures for {@code plot} ({@link org.embex.desktop.plot.Plots}): drawn with
 * Java2D, no JavaFX and no display needed.
 */
package org.embex.desktop.plot;
