/**
 * The map: a layout drawn as points into a raster in grid order, in bands (docs/decisions/0009),
 * with colourings, a legend, viewport arithmetic, hit-testing and box/lasso selection. Only
 * {@link org.embex.desktop.map.MapView} and {@link org.embex.desktop.map.Legend} touch JavaFX; the
 * rest is plain Java, tested pixel for pixel.
 */
package org.embex.desktop.map;
