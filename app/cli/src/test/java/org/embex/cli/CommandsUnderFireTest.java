package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command under random arguments and random or mangled files (CSV, JSONL, pairs, gate
 * files, model folders, caches), in-process, with a fixed seed: each run ends with exit 0, 1 or 2,
 * and a run that fails says so in exactly one line on stderr that names no exception class. The
 * readers' own property tests (ReaderPropertiesTest) cover the files byte by byte; this carries the
 * same promise to the commands that read them, and checks that another program's database and the
 * working folder are left as they were. 1,200 cases; 35 to 70 s of the CI run.
 */
@Tag("model")
class CommandsUnderFireTest {

    private static final long SEED = 20261202L;
    private static final int CASES = 1200;
    /** A progress bar's line, as ProgressBar draws it; not a message. */
    private static final Pattern PROGRESS = Pattern.compile(".* \\[[# ]{30}\\] \\d+/\\d+ .*");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.\\w+\\.");

    @TempDir
    static Path dir;

    private static final List<Path> corpora = new ArrayList<>();
    private static final List<Path> pairFiles = new ArrayList<>();
    private static final List<Path> modelDirs = new ArrayList<>();
    private static final List<Path> caches = new ArrayList<>();
    /** Options whose value is a file embex writes: an odd value there is put in the test's folder, not the working one. */
    private static final Set<String> WRITTEN = Set.of("--cache", "-o", "--output", "--export", "--to");
    private static final Set<String> CACHED = Set.of("embed", "search", "cluster", "project", "eval", "compare", "cache");
    private static Path foreign;
    private static Path gate;
    private static InputStream stdin;

    @BeforeAll
    static void prepare() throws Exception {
        Run.installDefaultModels();
        stdin = System.in;
        Random random = new Random(SEED);
        Path good = write("good.csv", goodCsv());
        corpora.addAll(List.of(good,
                write("good.jsonl", "{\"text\":\"my bill is wrong\",\"label\":\"billing\"}\n{\"text\":\"roaming in Spain\",\"label\":\"roaming\"}\n"
                        + "{\"text\":\"what is the weather\",\"label\":\"out_of_scope\"}\n"),
                write("good.txt", "my bill is wrong\nroaming in Spain\nmy phone is broken\n"),
                write("ragged.csv", "id,text,label\n1,my bill,billing\n2,roaming,roaming,extra,cells\n3,short\n"),
                write("quote.csv", "id,text,label\n1,\"my bill is wrong,billing\n2,roaming,roaming\n"),
                write("empty.csv", ""),
                write("header-only.csv", "id,text,label\n"),
                write("bad-types.jsonl", "{\"text\":null}\n{\"text\":3}\n{\"text\":[\"a\"]}\n{\"label\":\"x\"}\n"),
                write("blank-texts.csv", "text,label\n,billing\n   ,roaming\n"),
                Files.write(dir.resolve("latin1.csv"), "text\nna\u00efve caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)),
                Files.write(dir.resolve("garbage.csv"), bytes(random, 300)),
                Files.createDirectories(dir.resolve("empty-folder")),
                folder(),
                dir.resolve("missing.csv")));
        pairFiles.addAll(List.of(
                write("pairs.csv", "sentence1,sentence2,label\nmy bill,my invoice,1\nmy bill,roaming,0\nsignal,no coverage,yes\nsim,weather,no\n"),
                write("sts.tsv", "my bill\tmy invoice\t4.5\nmy bill\troaming\t0.5\nsignal\tno coverage\t3.8\n"),
                write("pairs-bad.csv", "sentence1,sentence2,label\na,b,maybe\n"),
                write("sts-bad.tsv", "a\tb\tNaN\nc\td\thigh\n"),
                write("one-pair.tsv", "a\tb\t1\n"), good, dir.resolve("missing.tsv")));
        modelDirs.addAll(List.of(Run.modelsDir(), Run.modelsDir(), Run.modelsDir(), brokenModels(random),
                dir.resolve("no-models-here")));
        caches.addAll(List.of(dir.resolve("cache.sqlite"), dir.resolve("cache.sqlite"), dir.resolve("cache.sqlite"),
                Files.write(dir.resolve("garbage.sqlite"), bytes(random, 5000)), Files.createDirectories(dir.resolve("cache-dir")),
                foreign = foreignSqlite(), dir.resolve("new-folder").resolve("cache.sqlite")));
        gate = dir.resolve("gate.json");
        Run export = Run.of("eval", "gate", good.toString(), "-m", "all-minilm-l6-v2", "--export", gate.toString(), "--quiet",
                "--cache", dir.resolve("cache.sqlite").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
    }

    @AfterAll
    static void restoreStdin() {
        System.setIn(stdin);
    }

    @Test
    void everyCommandEndsInZeroOneOrTwoWithOneLineOnFailure() throws Exception {
        Random random = new Random(SEED);
        byte[] foreignBefore = Files.readAllBytes(foreign);
        Set<Path> workingBefore = listing(Path.of("").toAbsolutePath());
        int[] byExit = new int[3];
        for (int c = 0; c < CASES; c++) {
            List<String> args = arguments(random);
            System.setIn(new ByteArrayInputStream(randomText(random).getBytes(StandardCharsets.UTF_8)));
            Run run = Run.of(args.toArray(String[]::new));
            String context = "case " + c + ": embex " + String.join(" ", args) + "\nstderr: " + run.err();
            assertThat(run.exitCode()).as(context).isBetween(0, 2);
            byExit[run.exitCode()]++;
            if (run.exitCode() != 0) {
                List<String> lines = run.err().lines().filter(line -> !line.isBlank() && !PROGRESS.matcher(line).matches())
                        .toList();
                assertThat(lines).as(context).hasSize(1);
                assertThat(lines.get(0)).as(context).startsWith("embex").doesNotContainPattern(EXCEPTION_NAME);
            }
        }
        // Another program's database is left exactly as it was, with nothing beside it.
        assertThat(Files.readAllBytes(foreign)).isEqualTo(foreignBefore);
        assertThat(foreign.resolveSibling(foreign.getFileName() + "-wal")).doesNotExist();
        assertThat(foreign.resolveSibling(foreign.getFileName() + "-journal")).doesNotExist();
        // Nothing was written where the test runs.
        assertThat(listing(Path.of("").toAbsolutePath())).isEqualTo(workingBefore);
        // The cases reach every outcome: not all of them stop at the first option.
        assertThat(byExit[0]).isGreaterThan(CASES / 20);
        assertThat(byExit[2]).isGreaterThan(CASES / 5);
    }

    private static List<String> arguments(Random random) throws IOException {
        List<String> args = new ArrayList<>(template(random));
        // Sometimes mangle one argument, drop one, or add one nobody asked for.
        int mutation = random.nextInt(6);
        if (mutation == 0 && args.size() > 1) {
            int at = 1 + random.nextInt(args.size() - 1);
            String odd = oddValue(random);
            args.set(at, WRITTEN.contains(args.get(at - 1)) ? dir.resolve("odd").resolve(odd.replace("\u0000", "nul")).toString() : odd);
        } else if (mutation == 1 && args.size() > 2) {
            args.remove(1 + random.nextInt(args.size() - 1));
        } else if (mutation == 2) {
            args.add(random.nextBoolean() ? "--" + oddValue(random) : oddValue(random));
        }
        // A dropped --cache must not send a case to the user's own cache.
        if (!args.contains("--cache") && CACHED.contains(args.get(0))) {
            args.addAll(List.of("--cache", dir.resolve("cache.sqlite").toString()));
        }
        if (!args.contains("--models-dir") && !args.get(0).equals("cache")) {
            args.addAll(List.of("--models-dir", pick(random, modelDirs).toString()));
        }
        if (random.nextInt(4) > 0 && !args.contains("--quiet")) {
            args.add("--quiet");
        }
        return args;
    }

    private static List<String> template(Random random) throws IOException {
        String corpus = pick(random, corpora).toString();
        String model = random.nextInt(8) == 0 ? oddValue(random) : "all-minilm-l6-v2";
        String cache = pick(random, caches).toString();
        String json = random.nextBoolean() ? "--json" : "--quiet";
        return switch (random.nextInt(15)) {
            case 0 -> List.of("similarity", "-m", model, randomText(random), randomText(random), json);
            case 1 -> List.of("embed", corpus, "-m", model, "--cache", cache, json);
            case 2 -> List.of("search", corpus, "-m", model, "-q", randomText(random), "-k", number(random), "--cache", cache, json);
            case 3 -> List.of("cluster", corpus, "-m", model, "--k", number(random), "--cache", cache, json);
            case 4 -> List.of("project", corpus, "-m", model, "--method", pick(random, List.of("pca", "umap", "tsne", "x")),
                    "--cache", cache, json);
            case 5 -> List.of("eval", "sts", pick(random, pairFiles).toString(), "-m", model, "--cache", cache, json);
            case 6 -> List.of("eval", "pairs", pick(random, pairFiles).toString(), "-m", model, "--cache", cache, json);
            case 7 -> List.of("eval", "gate", corpus, "-m", model, "--cache", cache, json);
            case 8 -> List.of("eval", "classify", "-m", model, "--train", corpus, "--test", pick(random, corpora).toString(),
                    "--cache", cache, json);
            case 9 -> List.of("compare", corpus, "-m", model, "-m", random.nextBoolean() ? "bge-small-zh-v1.5" : model,
                    "-k", number(random), "--cache", cache, json);
            case 10 -> List.of("gate", "--config", mangledGate(random).toString(), json);
            case 11 -> List.of("cache", pick(random, List.of("stats", "prune", "vacuum")), "--cache", cache, json);
            case 12 -> List.of("models", json);
            case 13 -> List.of("eval", "retrieval", "-m", model, "--corpus", corpus, "--queries", corpus, "--qrels",
                    pick(random, pairFiles).toString(), json);
            default -> List.of(oddValue(random), corpus);
        };
    }

    /** The exported gate, whole or broken: cut short, a byte changed, or a field's value replaced. */
    private static Path mangledGate(Random random) throws IOException {
        String whole = Files.readString(gate);
        String mangled = switch (random.nextInt(4)) {
            case 0 -> whole;
            case 1 -> whole.substring(0, random.nextInt(whole.length()));
            case 2 -> {
                char[] chars = whole.toCharArray();
                chars[random.nextInt(chars.length)] = (char) (32 + random.nextInt(90));
                yield new String(chars);
            }
            default -> {
                String[] fields = {"threshold", "dims", "model", "scoring", "intents", "vectors", "embex_gate", "fingerprint"};
                String[] values = {"null", "\"abc\"", "-3", "5", "[]", "{}", "1e999", "[1, 2]", "\"\"", "0.5"};
                String field = pick(random, List.of(fields));
                yield whole.replaceFirst("\"" + field + "\" : [^,\\n]+(\\]|)", "\"" + field + "\" : " + pick(random, List.of(values)));
            }
        };
        return Files.writeString(dir.resolve("gate-case.json"), mangled);
    }

    private static String oddValue(Random random) {
        return pick(random, List.of("", "abc", "-1", "0", "999999999999", "1e308", "NaN", "--", "-", "☃", "../../etc/passwd",
                "%s%n", "null", "\u0000", "-k", "--json", dir.resolve("missing").toString()));
    }

    private static String number(Random random) {
        return pick(random, List.of("1", "2", "3", "5", "10", "0", "-2", "5000", "x", ""));
    }

    private static String randomText(Random random) {
        return pick(random, List.of("my bill is too high", "roaming charges in Spain", "", " ", "天氣熱", "\u0000\u0001",
                "a".repeat(3000), "what is the weather"));
    }

    private static Set<Path> listing(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.collect(java.util.stream.Collectors.toSet());
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static byte[] bytes(Random random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String goodCsv() {
        String[][] rows = {{"my bill is wrong", "billing"}, {"why was I charged twice", "billing"}, {"invoice too high", "billing"},
            {"roaming in Spain", "roaming"}, {"using my phone abroad", "roaming"}, {"data abroad costs", "roaming"},
            {"no signal at home", "signal"}, {"calls drop all the time", "signal"}, {"bad coverage downtown", "signal"},
            {"what is the weather", "out_of_scope"}, {"who won the match", "out_of_scope"}, {"a recipe for soup", "out_of_scope"}};
        StringBuilder csv = new StringBuilder("id,text,label\n");
        for (int i = 0; i < rows.length; i++) {
            csv.append(i).append(',').append(rows[i][0]).append(',').append(rows[i][1]).append('\n');
        }
        return csv.toString();
    }

    private static Path folder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("a.txt"), "my bill is wrong");
        Files.writeString(folder.resolve("b.md"), "roaming in Spain");
        Files.writeString(folder.resolve("c.txt"), "no signal at home");
        return folder;
    }

    /** A catalogue whose model has a model.onnx of random bytes. */
    private static Path brokenModels(Random random) throws IOException {
        Path model = Files.createDirectories(dir.resolve("broken-models").resolve("all-minilm-l6-v2"));
        Files.copy(Run.modelsDir().resolve("all-minilm-l6-v2/model.json"), model.resolve("model.json"));
        Files.copy(Run.modelsDir().resolve("all-minilm-l6-v2/tokenizer.json"), model.resolve("tokenizer.json"));
        Files.write(model.resolve("model.onnx"), bytes(random, 4096));
        return model.getParent();
    }

    /** Another program's SQLite file, which embex must leave as it is. */
    private static Path foreignSqlite() throws SQLException {
        Path file = dir.resolve("someone-elses.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            statement.execute("INSERT INTO notes (body) VALUES ('keep me')");
        }
        return file;
    }
}
