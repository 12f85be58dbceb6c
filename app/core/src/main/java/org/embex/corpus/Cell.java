package org.embex.corpus;

/**
 * One value of a record as the file holds it.
 *
 * @param text   the value as text: a JSON scalar's own text, JSON {@code null} as "", an array or
 *               object as its JSON
 * @param column where the value starts, as {@link CorpusFormatException#column()} counts: the
 *               cell's position in CSV and TSV, the character on its line in JSONL, 1 in plain text
 *               and in a folder's files
 * @param kind   what the value was; only JSONL has values that are not strings
 */
public record Cell(String text, long column, Kind kind) {

    /** JSON's types, in the words a message uses. */
    public enum Kind {
        STRING("a string"),
        NUMBER("a number"),
        BOOLEAN("true or false"),
        NULL("null"),
        ARRAY("an array"),
        OBJECT("an object");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    static Cell string(String text, long column) {
        return new Cell(text, column, Kind.STRING);
    }
}
