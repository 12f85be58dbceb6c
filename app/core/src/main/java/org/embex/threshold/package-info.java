/**
 * Choosing a similarity threshold: ROC and precision-recall curves from scores and binary labels,
 * tie-aware AUC, operating points and confusion matrices. Pure functions over arrays.
 */
package org.embex.threshold;
