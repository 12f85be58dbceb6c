/**
 * The explorer's window and its panes: the map with its legend, the neighbours and selection
 * panes, the status line with progress and Cancel, the import dialog, menus, settings and themes,
 * and the tool windows (threshold workbench, model comparison). Long work runs as a
 * {@link org.embex.desktop.ui.Job} off the JavaFX thread and calls use cases only.
 */
package org.embex.desktop.ui;
