package dev.vacant.infra.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What one logger logs while a test provokes, on purpose, the failure it reports: kept here (for the test to assert)
 * instead of printed, so that a green build logs no ERROR stack trace. Closing it restores the logger.
 */
public final class ExpectedLog implements AutoCloseable {

    private final Logger logger;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

    private ExpectedLog(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        additive = logger.isAdditive();
        seen.start();
        logger.addAppender(seen);
        logger.setAdditive(false);
    }

    /** Captures what the logger of {@code source} logs until closed. */
    public static ExpectedLog of(Class<?> source) {
        return new ExpectedLog(source);
    }

    /** The messages logged at {@code level} so far. */
    public List<String> messages(Level level) {
        return seen.list.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(seen);
        logger.setAdditive(additive);
        seen.stop();
    }
}
