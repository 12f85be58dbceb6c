package org.embex.desktop.viewmodel;

/** One line of the selection table. {@code cluster} is empty until clusters were computed. */
public record SelectedRow(int index, String id, String text, String label, String cluster) {
}
