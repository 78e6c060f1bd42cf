package io.github.camelpreservica.component.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects the WARN messages of one class's logger while open, through the test's real log4j2 backend. */
final class CapturedWarnings extends AbstractAppender implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private CapturedWarnings(Logger logger) {
        super("captured-" + logger.getName(), null, null, true, Property.EMPTY_ARRAY);
        this.logger = logger;
    }

    static CapturedWarnings of(Class<?> type) {
        CapturedWarnings captured = new CapturedWarnings((Logger) LogManager.getLogger(type));
        captured.start();
        captured.logger.addAppender(captured);
        return captured;
    }

    @Override
    public void append(LogEvent event) {
        if (event.getLevel() == Level.WARN) {
            messages.add(event.getMessage().getFormattedMessage());
        }
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.removeAppender(this);
        stop();
    }
}
