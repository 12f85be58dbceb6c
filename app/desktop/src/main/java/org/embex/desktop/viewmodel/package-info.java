/**
 * The windows' state and actions as JavaFX properties and plain methods, over the use cases of
 * {@code org.embex.usecase}: what a view binds its controls to. It imports {@code javafx.beans} and
 * {@code javafx.collections} only, never {@code javafx.scene}, {@code javafx.stage} or
 * {@code javafx.application}, so it is tested without a screen.
 */
package org.embex.desktop.viewmodel;
