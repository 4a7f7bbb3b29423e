package org.integrationhub.opscli;

import picocli.CommandLine.Option;

/** Where the hub is and the operator's token, on every command. */
final class ApiOptions {

    @Option(names = "--url", defaultValue = "${env:HUB_URL:-http://localhost:8080}", paramLabel = "URL",
            description = "the gateway (default: $HUB_URL or ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token", defaultValue = "${env:HUB_TOKEN}", paramLabel = "JWT",
            description = "a hub access token with the ops role (default: $HUB_TOKEN)")
    String token;

    @Option(names = "--json", description = "print the API's data as JSON instead of text")
    boolean json;

    OpsApi api(picocli.CommandLine.Model.CommandSpec spec) {
        if (token == null || token.isBlank()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no token: give --token or set HUB_TOKEN");
        }
        return new OpsApi(url, token);
    }
}
