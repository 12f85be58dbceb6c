/**
 * The explorer, embex's window: a face over the use cases of {@code org.embex.usecase}, in JavaFX
 * with AtlantaFX. {@link org.embex.desktop.ExplorerApp} is the application; the views live in the
 * sub-packages. It knows nothing of the command line; the launcher opens it.
 */
package org.embex.desktop;
