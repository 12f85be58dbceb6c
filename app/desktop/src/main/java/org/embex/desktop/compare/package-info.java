/** Two models' layouts of one corpus side by side, with their neighbour agreement and metrics. */
package org.embex.desktop.compare;
