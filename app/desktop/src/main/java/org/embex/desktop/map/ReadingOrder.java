package org.embex.desktop.map;

import java.util.Comparator;

/**
 * Values in the order a reader looks for them: runs of digits compared as numbers, so "cluster 2"
 * comes before "cluster 10" (as text it came after "cluster 1", "cluster 10" … "cluster 19"), the
 * rest as text, any case; values equal so far are ordered as plain text, so no two distinct values
 * tie.
 */
public final class ReadingOrder implements Comparator<String> {

    public static final ReadingOrder INSTANCE = new ReadingOrder();

    private ReadingOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = compareNumbers(a.substring(i, endA), b.substring(j, endB));
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                int byText = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (byText != 0) {
                    return byText;
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Two runs of digits by their value, however long: leading zeros aside, the longer is larger. */
    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
