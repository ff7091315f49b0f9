package org.osceclassify.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.osceclassify.classifier.TrainingProfile;
import org.osceclassify.server.FeedbackSettings;
import org.osceclassify.server.OsceServer;
import org.osceclassify.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code osce-classify serve}: the HTTP service and web page of the server module, until SIGTERM or Ctrl-C, which
 * stop it gracefully (requests in flight finish).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve a model over HTTP: a JSON API (POST /v1/classify, /v1/classify/batch, GET /v1/model, "
                + "/openapi.json, /metrics, /health/live, /health/ready), hot reload (POST /v1/admin/reload), "
                + "corrections (POST /v1/feedback, with --feedback), a review queue (GET /v1/review, with "
                + "--review-input) and a web page at /.",
        footer = {"", "The admin token comes from OSCE_CLASSIFY_ADMIN_TOKEN or --admin-token-file; without one, "
                + "admin endpoints are off. Corrections (--feedback) need the feedback token "
                + "(OSCE_CLASSIFY_FEEDBACK_TOKEN or --feedback-token-file) or the admin token.", "", "Examples:",
                "  osce-classify serve                                  (the default model, on 127.0.0.1:8080)",
                "  osce-classify serve --model model.osce --port 9000",
                "  OSCE_CLASSIFY_ADMIN_TOKEN=s3cret osce-classify serve --model model.osce",
                "  OSCE_CLASSIFY_FEEDBACK_TOKEN=t0k osce-classify serve --model model.osce --feedback corrections.csv"})
final class ServeCommand implements Callable<Integer> {

    static final String TOKEN_VARIABLE = "OSCE_CLASSIFY_ADMIN_TOKEN";
    static final String FEEDBACK_TOKEN_VARIABLE = "OSCE_CLASSIFY_FEEDBACK_TOKEN";

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

    @Option(names = "--feedback", paramLabel = "FILE",
            description = "Take corrections (POST /v1/feedback, Save on the page) and append them to FILE, a CSV "
                    + "corpus that train and retrain read. Off by default.")
    Path feedback;

    @Option(names = "--feedback-token-file", paramLabel = "FILE",
            description = "A file holding the feedback token (instead of " + FEEDBACK_TOKEN_VARIABLE + ").")
    Path feedbackTokenFile;

    @Option(names = "--review-input", paramLabel = "CORPUS",
            description = "A CSV corpus or folder of pages whose least certain documents the page lists for review.")
    Path reviewInput;

    @Override
    public Integer call() throws Exception {
        if (model != null && profile != null) {
            throw new ParameterException(spec.commandLine(),
                    "--profile chooses the default model: give --model or --profile, not both");
        }
        Path bundle = model != null ? model : DefaultModel.bundle(main.terminal,
                profile != null ? profile : TrainingProfile.DEFAULT);
        Optional<String> adminToken = token(adminTokenFile, TOKEN_VARIABLE, "admin");
        FeedbackSettings feedbackSettings = FeedbackSettings.OFF;
        if (feedback != null) {
            Optional<String> feedbackToken = token(feedbackTokenFile, FEEDBACK_TOKEN_VARIABLE, "feedback");
            if (feedbackToken.isEmpty() && adminToken.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--feedback needs a token: set "
                        + FEEDBACK_TOKEN_VARIABLE + " (or --feedback-token-file) or " + TOKEN_VARIABLE);
            }
            Path folder = feedback.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder) || Files.isDirectory(feedback)) {
                throw new UserInputException(feedback + ": cannot keep corrections here: "
                        + (Files.isDirectory(feedback) ? "it is a folder" : "no such folder " + folder));
            }
            feedbackSettings = FeedbackSettings.to(feedback, feedbackToken);
        }
        if (reviewInput != null) {
            feedbackSettings = feedbackSettings.withReview(reviewInput);
        }
        ServerSettings settings = ServerSettings.defaults(bundle).withHost(host).withPort(port)
                .withAdminToken(adminToken).withFeedback(feedbackSettings);
        OsceServer server = OsceServer.start(settings);
        Thread hook = new Thread(server::stop, "osce-classify-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!main.quiet) {
            main.terminal.err().println("osce-classify: serving model " + server.modelId() + " at " + server.url()
                    + (settings.adminToken().isPresent() ? " (admin endpoints on)" : "")
                    + (feedback != null ? " (corrections to " + feedback + ")" : ""));
            main.terminal.err().flush();
        }
        server.awaitStop();
        return 0;
    }

    private static Optional<String> token(Path file, String variable, String what) throws java.io.IOException {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new UserInputException(file + ": no such " + what + " token file");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(t -> !t.isEmpty());
        }
        return Optional.ofNullable(System.getenv(variable)).map(String::strip).filter(t -> !t.isEmpty());
    }
}
