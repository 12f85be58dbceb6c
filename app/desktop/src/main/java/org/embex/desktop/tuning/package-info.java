/** The search index's trade-offs on the corpus on screen: the sweep's chart and table, and the setting kept. */
package org.embex.desktop.tuning;
