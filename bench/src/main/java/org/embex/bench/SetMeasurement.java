package org.embex.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.embex.embed.TextTokenizer;
import org.embex.model.Prefixes;
import org.embex.model.Role;

/**
 * Times the three contestants on one input set. Each warms up on a subset first; the timed
 * repetitions then go round the contestants in turn, so that anything else the machine does in
 * the meantime falls on all of them rather than on whichever ran last.
 */
final class SetMeasurement {

    /** Share of a set each contestant warms up on: enough for the JIT and ONNX Runtime's arenas. */
    private static final double WARM_UP_SHARE = 0.2;

    private final Contestant reference;
    private final Contestant embex;
    private final Contestant ceiling;
    private final TextTokenizer tokenizer;
    private final Prefixes prefixes;
    private final int repetitions;

    /** {@code tokenizer} is cut where embex cuts the model, so that timing it times embex's share. */
    SetMeasurement(Contestant reference, Contestant embex, Contestant ceiling, TextTokenizer tokenizer,
                   Prefixes prefixes, int repetitions) {
        this.reference = reference;
        this.embex = embex;
        this.ceiling = ceiling;
        this.tokenizer = tokenizer;
        this.prefixes = prefixes;
        this.repetitions = repetitions;
    }

    EmbedReport.SetFigures measure(InputSet set) {
        List<Contestant> contestants = List.of(reference, embex, ceiling);
        Map<Contestant, double[]> seconds = timeAll(set, contestants);
        double referenceRate = rate(set, seconds.get(reference));
        List<EmbedReport.Row> rows = new ArrayList<>();
        for (Contestant contestant : contestants) {
            double[] times = seconds.get(contestant);
            rows.add(new EmbedReport.Row(contestant.name(), contestant.label(), rate(set, times),
                    rate(set, times) / referenceRate, Arrays.stream(times).boxed().toList()));
        }
        double embexSeconds = Stats.median(seconds.get(embex));
        double ceilingSeconds = Stats.median(seconds.get(ceiling));
        return new EmbedReport.SetFigures(set.name(), set.source(), set.texts().size(), set.meanTokens(), rows,
                100 * ceilingSeconds / embexSeconds,
                100 * tokenisingSeconds(set) / embexSeconds,
                100 * (embexSeconds - ceilingSeconds) / embexSeconds);
    }

    private Map<Contestant, double[]> timeAll(InputSet set, List<Contestant> contestants) {
        int warmUp = Math.max(1, (int) (set.texts().size() * WARM_UP_SHARE));
        for (Contestant contestant : contestants) {
            Progress.say(set.name() + ": warming up " + contestant.label() + " on " + warmUp + " texts");
            try (Contestant.Pass pass = contestant.prepare(set.head(warmUp))) {
                pass.run();
            }
        }
        Map<Contestant, Contestant.Pass> passes = new LinkedHashMap<>();
        Map<Contestant, double[]> seconds = new LinkedHashMap<>();
        try {
            for (Contestant contestant : contestants) {
                passes.put(contestant, contestant.prepare(set.texts()));
                seconds.put(contestant, new double[repetitions]);
            }
            for (int round = 0; round < repetitions; round++) {
                for (Contestant contestant : contestants) {
                    seconds.get(contestant)[round] = Stats.secondsOf(passes.get(contestant)::run);
                    Progress.say(String.format("%s: %s, round %d/%d: %.2f s", set.name(), contestant.label(),
                            round + 1, repetitions, seconds.get(contestant)[round]));
                }
            }
        } finally {
            passes.values().forEach(Contestant.Pass::close);
        }
        return seconds;
    }

    private double tokenisingSeconds(InputSet set) {
        List<String> prefixed = set.texts().stream().map(text -> prefixes.apply(Role.TEXT, text)).toList();
        double[] times = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            times[i] = Stats.secondsOf(() -> tokenizer.tokenizeAll(prefixed));
        }
        return Stats.median(times);
    }

    private static double rate(InputSet set, double[] seconds) {
        return set.texts().size() / Stats.median(seconds);
    }
}
