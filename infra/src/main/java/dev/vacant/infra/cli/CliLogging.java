package dev.vacant.infra.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging for offline commands: without Spring Boot's set-up, Logback would print every library's debug lines
 * into the command's output, so only warnings and errors are kept.
 */
final class CliLogging {

    private CliLogging() {
    }

    static void quiet() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}
