package org.integrationhub.opscli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** A command that calls the operator API: its options, the API, and output as text or JSON. */
abstract class OpsCommand implements Callable<Integer> {

    @Mixin
    ApiOptions options;

    @Spec
    CommandSpec spec;

    OpsApi api() {
        return options.api(spec);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The data as JSON with {@code --json}, else as {@code text} writes it. */
    void print(JsonNode data, Consumer<PrintWriter> text) {
        if (options.json) {
            Text.json(out(), data);
        } else {
            text.accept(out());
        }
    }
}
