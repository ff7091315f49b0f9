package org.osceclassify.cli;

import java.io.FilterOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.tribuo.Tribuo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code osce-classify} command line: train, evaluate, cross-validate, tune, classify, inspect and demo.
 *
 * <p>Exit codes: 0 on success, 1 for input or data errors, 2 for usage errors. Stdout carries only results;
 * errors, progress and logs go to stderr. A user's mistake is one line on stderr, with the stack trace only
 * under {@code --verbose}.
 */
@Command(name = "osce-classify",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Classifies OSCE press releases and statements by field of work and source body.",
        subcommands = {
                DemoCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                CrossValidateCommand.class,
                SplitCommand.class,
                ClassifyCommand.class,
                InspectCommand.class,
                ServeCommand.class,
                TuneCommand.class,
                ReviewCommand.class,
                RetrainCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
                "  osce-classify demo",
                "  osce-classify train --model model.osce",
                "  osce-classify classify --model model.osce --format csv pages/",
                "  echo 'Election observers ...' | osce-classify classify -"})
public final class Main implements Runnable {

    /** Exit code for bad input or data: a missing file, a broken corpus, a corrupted model. */
    public static final int EXIT_DATA_ERROR = 1;
    /** Exit code for a command line that cannot be parsed. */
    public static final int EXIT_USAGE = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Log detail to stderr, and print stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print nothing to stderr but errors.")
    boolean quiet;

    final Terminal terminal;

    Main(Terminal terminal) {
        this.terminal = Objects.requireNonNull(terminal);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs one command line against the given streams and returns its exit code; the picocli entry point. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Main main = new Main(new Terminal(in, out, err));
        CommandLine cmd = new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cmd.setExecutionStrategy(parseResult -> {
            main.configureLogging();
            return new CommandLine.RunLast().execute(parseResult);
        });
        cmd.setParameterExceptionHandler((ex, args1) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("osce-classify: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more.");
            return EXIT_USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println("osce-classify: " + Failures.describe(ex, main.verbose));
            if (main.verbose) {
                ex.printStackTrace(failed.getErr());
            }
            failed.getErr().flush();
            return Failures.exitCode(ex);
        });
        int code = cmd.execute(args);
        if (out.checkError() && code == 0) {
            // a PrintStream keeps its write errors to itself: a full disk or a closed pipe must not look like success
            err.println("osce-classify: cannot write the results to stdout (a full disk or a closed pipe?)");
            code = EXIT_DATA_ERROR;
        }
        err.flush();
        return code;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /**
     * Sends log lines to this run's stderr, quiet by default: warnings and errors only, errors only with
     * {@code --quiet}, everything of ours with {@code --verbose}.
     */
    private void configureLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(verbose ? "osce-classify: %level %logger{0}: %msg%n" : StderrLogging.PATTERN);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setEncoder(encoder);
        appender.setOutputStream(new FilterOutputStream(terminal.err()) {
            @Override
            public void close() {
                terminal.err().flush(); // the run's stderr outlives the appender
            }
        });
        appender.setImmediateFlush(true);
        appender.start();
        root.addAppender(appender);
        root.setLevel(quiet ? Level.ERROR : Level.WARN);
        context.getLogger("org.osceclassify").setLevel(verbose ? Level.DEBUG : quiet ? Level.ERROR : Level.WARN);
    }

    /**
     * Prints the version from the jar's manifest (0.1.0-SNAPSHOT when run from classes, which have none), the
     * Tribuo version, and the Java version. {@link Tribuo#VERSION} is a compile-time constant, so it names the
     * Tribuo this build was compiled against, the one the build ships.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"osce-classify " + (version != null ? version : "0.1.0-SNAPSHOT"),
                    "Tribuo " + Tribuo.VERSION + ", Java " + Runtime.version()};
        }
    }
}
