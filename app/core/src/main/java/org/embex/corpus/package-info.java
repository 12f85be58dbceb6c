/** Reading the files users bring (CSV, TSV, JSONL, plain text) into rows and named columns. */
package org.embex.corpus;
