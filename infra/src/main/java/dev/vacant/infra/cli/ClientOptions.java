package dev.vacant.infra.cli;

import picocli.CommandLine.Option;

/** The options every gRPC client command shares: where the server is, the bearer token, the output format. */
final class ClientOptions {

    @Option(names = "--target", defaultValue = "${env:VACANT_GRPC_TARGET:-localhost:9090}",
            description = "gRPC server as host:port (default: $VACANT_GRPC_TARGET or localhost:9090).")
    String target;

    @Option(names = "--token", defaultValue = "${env:VACANT_TOKEN}", description = "Bearer token (default: $VACANT_TOKEN).")
    String token;

    @Option(names = "--json", description = "Print answers as JSON (the REST field names), one object per line.")
    boolean json;
}
