/** Small controls the window's panes share. */
package org.embex.desktop.controls;
