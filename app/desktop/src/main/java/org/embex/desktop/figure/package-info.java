/**
 * Figures made for reports, as {@code plot} writes them: drawn once on a Java2D canvas and written as
 * PNG, SVG or PDF from that one drawing (decision record 0026). No controls, nothing cut off.
 */
package org.embex.desktop.figure;
