/**
 * The window's views drawn off-screen to PNG files on Monocle's headless screen
 * ({@link org.embex.desktop.plot.Plots}), for {@code plot} on a machine without a display.
 */
package org.embex.desktop.plot;
