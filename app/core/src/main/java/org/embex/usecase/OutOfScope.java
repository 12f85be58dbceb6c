package org.embex.usecase;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.embex.BadInputException;

/**
 * The label of texts a gate must refuse. A user may name it; otherwise the usual spellings are
 * recognised (CLINC150 writes {@code oos}, embex's samples {@code out_of_scope}), in any case and
 * with hyphens, spaces or underscores. The same rule in the window, {@code eval gate} and
 * {@code plot}.
 */
public final class OutOfScope {

    /** Recognised spellings, compared after lower-casing and turning hyphens and spaces into underscores. */
    public static final List<String> SPELLINGS = List.of("out_of_scope", "oos", "outofscope", "out_of_domain", "ood");

    /** The spellings as text, for option descriptions written in annotations (a test holds it equal to the list). */
    public static final String SPELLINGS_TEXT = "out_of_scope, oos, outofscope, out_of_domain, ood";

    private OutOfScope() {
    }

    /** The out-of-scope label among {@code labels}: {@code given} if it is there, else a recognised spelling. */
    public static Optional<String> find(Collection<String> labels, Optional<String> given) {
        Set<String> present = new LinkedHashSet<>();
        labels.stream().filter(label -> label != null && !label.isEmpty()).forEach(present::add);
        if (given.isPresent()) {
            return present.contains(given.get()) ? given : Optional.empty();
        }
        return present.stream().filter(label -> SPELLINGS.contains(normalise(label))).findFirst();
    }

    /**
     * As {@link #find}, but a file without such a label is a bad input that lists the labels it
     * has and ends with {@code hint}: how this face names the label ("Name it with --out-of-scope LABEL").
     */
    public static String require(Path file, Collection<String> labels, Optional<String> given, String hint) {
        return find(labels, given).orElseThrow(() -> {
            Set<String> present = new LinkedHashSet<>();
            labels.stream().filter(label -> label != null && !label.isEmpty()).forEach(present::add);
            String found = present.isEmpty() ? "it has no labels"
                    : "its labels are " + String.join(", ", present.stream().limit(20).toList())
                    + (present.size() > 20 ? " and " + (present.size() - 20) + " more" : "");
            String wanted = given.map(label -> "no row is labelled '" + label + "'")
                    .orElse("no out-of-scope label (" + String.join(", ", SPELLINGS) + ")");
            return new BadInputException(file + ": " + wanted + "; " + found + ". " + hint);
        });
    }

    private static String normalise(String label) {
        return label.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
