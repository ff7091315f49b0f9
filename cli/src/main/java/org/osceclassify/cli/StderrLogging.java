package org.osceclassify.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's start-up configuration for the command line, in code: warnings and errors to stderr, stdout left to
 * results. Registered as a service, it replaces the {@code logback.xml} that Logback would otherwise parse on
 * every start (its XML parser and configuration model cost about 0.1 s of each run's start-up); {@link Main}
 * then sets the levels and the stream for {@code --verbose} and {@code --quiet}.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {

    /** The layout of a log line, without the logger's name: "osce-classify: WARN: ...". */
    static final String PATTERN = "osce-classify: %level: %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        // DJL, under the sentence encoder's tokenizer, warns on every run that it finds no GPU and that the
        // tokenizer takes its model's maximum length: nothing a user can or needs to act on.
        context.getLogger("ai.djl").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
