package org.osceclassify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StderrLoggingTest {

    @Test
    @DisplayName("Logback starts up through StderrLogging: warnings and errors only, and only to stderr")
    void logbackStartsQuietOnStderr() throws JoranException {
        LoggerContext context = new LoggerContext();
        new ContextInitializer(context).autoConfig();

        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        Appender<ILoggingEvent> appender = root.getAppender("stderr");
        assertNotNull(appender, "the service-registered configuration ran, not Logback's stdout default");
        assertEquals("System.err", assertInstanceOf(ConsoleAppender.class, appender).getTarget());
        context.stop();
    }
}
