package org.embex.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.embex.gate.GateDecision;
import org.embex.usecase.GatePolicy;
import org.embex.usecase.Workspace;


/** The exported gate as a filter: one query a line on stdin, one decision a line on stdout. */
@Command(name = "gate", header = "Filter queries from stdin through an exported gate.",
        description = "Prints per line: accept or reject, the score and the nearest intent, tab-separated "
                + "(or one JSON object a line with --json).")
final class GateCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--config", required = true, paramLabel = "GATE.json", description = "A gate written by 'eval gate --export'.")
    private Path config;

    @Mixin

    private CatalogueOptions catalogue;

    @Mixin
    private OutputOptions output;

    @Override
    public void run() {
        var out = output.out();
        try (Workspace workspace = catalogue.workspace()) {
            GatePolicy policy = GatePolicy.open(workspace, config);
            // Standard input is read, not owned: it stays open for whoever comes after (a test runner, a caller).
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                GateDecision decision = policy.decide(line);
                if (output.json) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("query", line);
                    json.put("decision", decision.accepted() ? "accept" : "reject");
                    json.put("score", decision.score());
                    json.put("intent", decision.intent());
                    out.println(JSON.writeValueAsString(json));
                } else {
                    out.printf("%s\t%.4f\t%s%n", decision.accepted() ? "accept" : "reject", decision.score(), decision.intent());
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
