/**
 * The explorer's window and its panes, views over {@link org.embex.desktop.viewmodel}: the map
 * with its legend, the neighbours and selection panes, the status line with progress and Cancel,
 * the import dialog, menus and themes, and the tool windows (threshold workbench, model
 * comparison). They build controls, bind them to the view models' properties and forward the
 * person's gestures to their actions; none calls a use case. {@link org.embex.desktop.ui.BackgroundJobs}
 * runs the view models' jobs off the JavaFX thread.
 */
package org.embex.desktop.ui;
