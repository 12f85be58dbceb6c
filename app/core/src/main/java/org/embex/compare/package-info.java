/** Two models on the same texts: whose neighbourhoods agree, where they differ, and maps aligned to each other. */
package org.embex.compare;
