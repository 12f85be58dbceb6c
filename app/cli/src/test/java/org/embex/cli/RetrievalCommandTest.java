package org.embex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("model")
class RetrievalCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void models() {
        Run.installDefaultModels();
    }

    @Test
    void beirLayoutIsScoredWithEveryMetric() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.jsonl"), String.join("\n",
                "{\"_id\": \"d1\", \"title\": \"Roaming\", \"text\": \"Using your phone abroad costs extra outside the EU.\"}",
                "{\"_id\": \"d2\", \"title\": \"Billing\", \"text\": \"Your invoice lists every charge of the month.\"}",
                "{\"_id\": \"d3\", \"title\": \"Signal\", \"text\": \"Thick walls weaken the mobile signal indoors.\"}",
                "{\"_id\": \"d4\", \"title\": \"\", \"text\": \"A recipe for tomato soup with basil.\"}",
                "{\"_id\": \"d5\", \"title\": \"SIM\", \"text\": \"Block a lost SIM card and order a new one.\"}", ""));
        Path queries = Files.writeString(dir.resolve("queries.jsonl"), String.join("\n",
                "{\"_id\": \"q1\", \"text\": \"does my phone work in another country\"}",
                "{\"_id\": \"q2\", \"text\": \"I lost my SIM card\"}",
                "{\"_id\": \"q3\", \"text\": \"why is there no reception in my flat\"}",
                "{\"_id\": \"q4\", \"text\": \"a query nobody judged\"}", ""));
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td5\t1\nq3\td3\t1\n");
        Run run = Run.of("eval", "retrieval", "-m", "all-minilm-l6-v2", "--corpus", corpus.toString(), "--queries",
                queries.toString(), "--qrels", qrels.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = run.json();
        assertThat(result.get("queries").asInt()).isEqualTo(3);
        assertThat(result.get("documents").asInt()).isEqualTo(5);
        assertThat(result.get("ndcg@10").asDouble()).isBetween(0.90, 1.0);
        assertThat(result.get("mrr@10").asDouble()).isBetween(0.90, 1.0);
        assertThat(result.get("recall@10").asDouble()).isEqualTo(1.0);
        assertThat(result.get("recall@100").asDouble()).isEqualTo(1.0);
        assertThat(result.get("map@100").asDouble()).isEqualTo(result.get("mrr@10").asDouble());
    }

    @Test
    void corpusWithoutBeirColumnsIsABadInput() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.jsonl"), "{\"id\": \"d1\", \"body\": \"x\"}\n");
        Path qrels = Files.writeString(dir.resolve("qrels.tsv"), "query-id\tcorpus-id\tscore\n");
        Run run = Run.of("eval", "retrieval", "-m", "all-minilm-l6-v2", "--corpus", corpus.toString(), "--queries",
                corpus.toString(), "--qrels", qrels.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("expected the BEIR columns _id and title, text; found id, body");
    }
}
