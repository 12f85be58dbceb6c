/**
 * The threshold workbench: ROC and precision-recall curves, the two score histograms, a threshold
 * slider with its confusion matrix and rates, the texts it gets wrong, and the gate's export.
 */
package org.embex.desktop.threshold;
