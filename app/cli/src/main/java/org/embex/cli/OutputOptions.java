package org.embex.cli;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.embex.EmbexException;

/** Options every command that prints figures shares: {@code --json} and {@code --quiet}. */
public final class OutputOptions {

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
    public boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    /** Prints the result as one JSON object on stdout. */
    public void printJson(Map<String, ?> result) {
        try {
            spec.commandLine().getOut().println(JSON.writeValueAsString(result));
            spec.commandLine().getOut().flush();
        } catch (JsonProcessingException e) {
            throw new EmbexException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    public java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A progress bar on stderr, silent under {@code --quiet}. */
    public ProgressBar progress(String what) {
        return new ProgressBar(quiet ? null : err(), what);
    }
}
