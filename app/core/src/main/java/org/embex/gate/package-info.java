/**
 * The in-scope gate: decide, before an expensive model is called, whether a query is close enough
 * to known in-scope examples to be answered. Built from labelled references, evaluated on
 * labelled queries with a ROC curve, exported as a file a service can load.
 */
package org.embex.gate;
