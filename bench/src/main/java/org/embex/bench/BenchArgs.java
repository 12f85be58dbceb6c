package org.embex.bench;

import java.util.List;

import org.embex.BadInputException;

/**
 * The command line of {@code bench/run embed}.
 *
 * @param model      catalogue id of the model every contestant runs
 * @param json       print one JSON object instead of the tables
 * @param batchSize  embex's batch size, mirrored by the ceiling; absent means embex's default
 * @param sessions   embex's parallel sessions, mirrored by the ceiling; absent means embex's default
 * @param threads    intra-op threads per session, mirrored by the ceiling; absent means embex's default
 * @param sentences  how many short sentences to embed
 * @param paragraphs how many paragraphs to embed
 */
record BenchArgs(String model, boolean json, Integer batchSize, Integer sessions, Integer threads,
                 int sentences, int paragraphs) {

    static final String USAGE = """
            usage: bench/run embed [--model ID] [--json] [--batch-size N] [--sessions N] [--threads N]
                                   [--sentences N] [--paragraphs N]
              --model ID        catalogue model with a LangChain4j twin (default all-minilm-l6-v2)
              --json            print one JSON object on stdout instead of tables
              --batch-size N    embex's (and the ceiling's) batch size (default: embex's, 16)
              --sessions N      embex's (and the ceiling's) parallel sessions (default: one per core)
              --threads N       intra-op threads of each of those sessions (default 1)
              --sentences N     short sentences to embed, at most as many as the source holds (default 2000)
              --paragraphs N    paragraphs of >= 100 tokens to embed (default 400)""";

    static final String HELP = "--help";

    static BenchArgs parse(List<String> args) {
        String model = "all-minilm-l6-v2";
        boolean json = false;
        Integer batchSize = null;
        Integer sessions = null;
        Integer threads = null;
        int sentences = 2000;
        int paragraphs = 400;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--model" -> model = value(args, ++i, arg);
                case "--batch-size" -> batchSize = positive(args, ++i, arg);
                case "--sessions" -> sessions = positive(args, ++i, arg);
                case "--threads" -> threads = positive(args, ++i, arg);
                case "--sentences" -> sentences = positive(args, ++i, arg);
                case "--paragraphs" -> paragraphs = positive(args, ++i, arg);
                default -> throw new BadInputException("unknown argument '" + arg + "'; see " + HELP);
            }
        }
        return new BenchArgs(model, json, batchSize, sessions, threads, sentences, paragraphs);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new BadInputException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int positive(List<String> args, int index, String option) {
        String text = value(args, index, option);
        try {
            int number = Integer.parseInt(text);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name, which the parser's message lacks.
        }
        throw new BadInputException(option + " needs a positive whole number, got '" + text + "'");
    }

    /** A comma-separated list of sizes, "20000,100000"; blanks are skipped. */
    static java.util.List<Integer> sizes(String list) {
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        for (String size : list.split(",")) {
            if (!size.isBlank()) {
                sizes.add(Integer.parseInt(size.strip()));
            }
        }
        return sizes;
    }
}
