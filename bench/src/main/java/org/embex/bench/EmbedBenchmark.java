package org.embex.bench;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import org.embex.BadInputException;
import org.embex.EmbexException;
import org.embex.embed.Embedder;
import org.embex.embed.EmbedderOptions;
import org.embex.embed.TextTokenizer;
import org.embex.model.ModelCatalogue;
import org.embex.model.ModelDescriptor;
import org.embex.model.ModelFolder;

/**
 * {@code bench/run embed}: texts per second of embex against LangChain4j's {@code embedAll} and
 * against ONNX Runtime alone, on the same short sentences and paragraphs in one JVM; how much of
 * embex's time is its own; and how long one query takes. Prints tables, or one JSON object with
 * {@code --json}; progress goes to stderr.
 */
public final class EmbedBenchmark {

    private static final int REPETITIONS = 3;
    private static final int PARAGRAPH_MIN_TOKENS = 100;
    private static final int QUERY_WARM_UP_CALLS = 50;
    private static final int QUERIES = 300;

    private EmbedBenchmark() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains(BenchArgs.HELP)) {
            System.out.println(BenchArgs.USAGE);
            return;
        }
        int exitCode = 0;
        try {
            BenchArgs parsed = BenchArgs.parse(arguments);
            EmbedReport report = run(parsed);
            if (parsed.json()) {
                System.out.println(json(report));
            } else {
                TextReport.print(report, System.out);
            }
        } catch (BadInputException e) {
            System.err.println("bench: " + e.getMessage());
            exitCode = 2;
        } catch (EmbexException e) {
            System.err.println("bench: " + e.getMessage());
            exitCode = 1;
        }
        System.out.flush();
        // LangChain4j's worker threads are not daemons and would hold the JVM open a while longer.
        System.exit(exitCode);
    }

    private static EmbedReport run(BenchArgs args) {
        Path root = Path.of(System.getProperty("embex.root", "."));
        ModelFolder model = new ModelCatalogue(root.resolve("models")).findInstalled(args.model());
        ModelDescriptor descriptor = model.descriptor();
        EmbedderOptions options = options(args);
        Progress.say("loading " + descriptor.id() + ": LangChain4j, embex, and ONNX Runtime alone");
        LangChain4jContestant reference = LangChain4jContestant.twinOf(descriptor);
        try (TextTokenizer tokenizer = TextTokenizer.open(model.tokenizerFile(), descriptor.maxTokens(),
                descriptor.unknownToken());
             Embedder embedder = Embedder.open(model, options);
             OrtCeiling ceiling = OrtCeiling.open(model, tokenizer, options)) {
            SentenceSource source = SentenceSource.find(root, descriptor.language());
            Progress.say("reading sentences from " + source.location());
            InputSet sentences = InputSet.sentences("short sentences", source, args.sentences(), tokenizer);
            InputSet paragraphs = InputSet.paragraphs("paragraphs", source, args.paragraphs(), PARAGRAPH_MIN_TOKENS,
                    tokenizer);

            SetMeasurement measurement = new SetMeasurement(reference, new EmbexContestant(embedder), ceiling,
                    tokenizer, descriptor.prefixes(), REPETITIONS);
            EmbedReport.SetFigures sentenceFigures = measurement.measure(sentences);
            EmbedReport.SetFigures paragraphFigures = measurement.measure(paragraphs);
            // Its own sample, so that a small --sentences does not make queries repeat.
            InputSet queries = InputSet.sentences("queries", source, QUERY_WARM_UP_CALLS + QUERIES, tokenizer);
            EmbedReport.Latency latency = QueryLatency.measure(embedder, queries.texts(), QUERY_WARM_UP_CALLS,
                    QUERIES);

            return new EmbedReport(descriptor.id(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    new EmbedReport.Settings(options.batchSize(), options.sessions(), options.threadsPerSession()),
                    List.of(sentenceFigures, paragraphFigures), latency,
                    Targets.evaluate(sentenceFigures, paragraphFigures, latency));
        }
    }

    private static EmbedderOptions options(BenchArgs args) {
        EmbedderOptions options = EmbedderOptions.defaults();
        if (args.batchSize() != null) {
            options = options.withBatchSize(args.batchSize());
        }
        if (args.sessions() != null) {
            options = options.withSessions(args.sessions());
        }
        if (args.threads() != null) {
            options = options.withThreadsPerSession(args.threads());
        }
        return options;
    }

    private static String json(EmbedReport report) {
        try {
            return new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new EmbexException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
