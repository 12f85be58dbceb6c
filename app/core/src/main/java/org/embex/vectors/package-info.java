/** Vectors as numbers: similarity metrics and writing matrices for other tools. */
package org.embex.vectors;
