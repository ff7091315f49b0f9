package org.osceclassify.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.TrainingProfile;
import org.osceclassify.server.OsceServer;
import org.osceclassify.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code osce-classify serve}: the HTTP service and web page of the server module, until SIGTERM or Ctrl-C, which
 * stop it gracefully (requests in flight finish).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve a model over HTTP: a JSON API (POST /v1/classify, /v1/classify/batch, GET /v1/model, "
                + "/openapi.json, /metrics, /health/live, /health/ready), hot reload (POST /v1/admin/reload) and a "
                + "web page at /.",
        footer = {"", "The admin token comes from OSCE_CLASSIFY_ADMIN_TOKEN or --admin-token-file; without one, "
                + "admin endpoints are off.", "", "Examples:",
                "  osce-classify serve                                  (the default model, on 127.0.0.1:8080)",
                "  osce-classify serve --model model.osce --port 9000",
                "  OSCE_CLASSIFY_ADMIN_TOKEN=s3cret osce-classify serve --model model.osce"})
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "OSCE_CLASSIFY_ADMIN_TOKEN";

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE",
            description = "The model bundle, read again on reload. Default: the default model of classify.")
    Path model;

    @Option(names = "--profile", paramLabel = "NAME", converter = TrainingOptions.ProfileConverter.class,
            description = "Without --model, serve the default model of this profile: fast or accurate (see train "
                    + "--help). Default: fast.")
    TrainingProfile profile;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerSettings.DEFAULT_HOST,
            description = "The interface to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "A file holding the admin token (instead of " + TOKEN_VARIABLE + ").")
    Path adminTokenFile;

    @Override
    public Integer call() throws Exception {
        if (model != null && profile != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--profile chooses the default model: give --model or --profile, not both");
        }
        Path bundle = model != null ? model : DefaultModel.bundle(main.terminal,
                profile != null ? profile : TrainingProfile.DEFAULT);
        ServerSettings settings = ServerSettings.defaults(bundle).withHost(host).withPort(port)
                .withAdminToken(adminToken());
        OsceServer server = OsceServer.start(settings);
        Thread hook = new Thread(server::stop, "osce-classify-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!main.quiet) {
            main.terminal.err().println("osce-classify: serving model " + server.modelId() + " at " + server.url()
                    + (settings.adminToken().isPresent() ? " (admin endpoints on)" : ""));
            main.terminal.err().flush();
        }
        server.awaitStop();
        return 0;
    }

    private Optional<String> adminToken() throws java.io.IOException {
        if (adminTokenFile != null) {
            if (!Files.isRegularFile(adminTokenFile)) {
                throw new UserInputException(adminTokenFile + ": no such admin token file");
            }
            return Optional.of(Files.readString(adminTokenFile, StandardCharsets.UTF_8).strip())
                    .filter(t -> !t.isEmpty());
        }
        return Optional.ofNullable(System.getenv(TOKEN_VARIABLE));
    }
}
