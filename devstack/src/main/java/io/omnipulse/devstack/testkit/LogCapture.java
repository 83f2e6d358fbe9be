package io.omnipulse.devstack.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What a Quarkus test's application logs under some categories, from {@link #of} until {@link #close}:
 * for a test of what is logged, and at which level. The categories log from {@code level} up for as
 * long as the capture lasts.
 */
public final class LogCapture implements AutoCloseable {

    /** One record: its category, its level and its message as the log shows it. */
    public record Line(String category, Level level, String message) {

        public boolean atLeast(Level floor) {
            return level.intValue() >= floor.intValue();
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levelsBefore = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(new Line(record.getLoggerName(), record.getLevel(), formatted(record)));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Level level, List<String> categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            loggers.add(logger);
            levelsBefore.add(logger.getLevel());
            logger.setLevel(level);
            logger.addHandler(handler);
        }
    }

    public static LogCapture of(Level level, String... categories) {
        return new LogCapture(level, List.of(categories));
    }

    /** Everything logged so far, in order. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).removeHandler(handler);
            loggers.get(i).setLevel(levelsBefore.get(i));
        }
    }

    /** Quarkus' records carry printf-style formats and their parameters. */
    private static String formatted(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : new SimpleFormatter().formatMessage(record);
    }
}
