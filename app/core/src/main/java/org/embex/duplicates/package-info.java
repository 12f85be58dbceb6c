/**
 * Near-duplicates: pairs of rows at or above a similarity threshold ({@link org.embex.neighbours.PairsAbove})
 * grouped around representatives so that chains do not merge unrelated texts
 * ({@link org.embex.duplicates.DuplicateGroups}).
 */
package org.embex.duplicates;
