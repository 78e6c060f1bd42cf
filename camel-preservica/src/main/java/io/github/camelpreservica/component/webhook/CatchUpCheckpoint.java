package io.github.camelpreservica.component.webhook;

import java.io.File;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;

/**
 * The catch-up checkpoint: the instant up to which every change was routed, kept as ISO-8601 text in a Camel
 * {@link StateRepository} under {@code preservica-webhook:<endpoint name>}: the one of checkpointRepository, else a
 * file (checkpointFile), else memory (lost on restart).
 */
final class CatchUpCheckpoint {

    private final StateRepository<String, String> repository;
    private final boolean own;
    private final String key;
    private final String where;

    private CatchUpCheckpoint(StateRepository<String, String> repository, boolean own, String key, String where) {
        this.repository = repository;
        this.own = own;
        this.key = key;
        this.where = where;
    }

    static CatchUpCheckpoint of(PreservicaWebhookConfiguration config, String endpointName) {
        String key = "preservica-webhook:" + endpointName;
        if (config.getCheckpointRepository() != null) {
            return new CatchUpCheckpoint(config.getCheckpointRepository(), false, key, "checkpointRepository");
        }
        if (ObjectHelper.isNotEmpty(config.getCheckpointFile())) {
            return new CatchUpCheckpoint(FileStateRepository.fileStateRepository(new File(config.getCheckpointFile())),
                    true, key, "checkpointFile " + config.getCheckpointFile());
        }
        return new CatchUpCheckpoint(new MemoryStateRepository(), true, key, "memory");
    }

    void start() {
        ServiceHelper.startService(repository);
    }

    void stop() {
        if (own) {
            ServiceHelper.stopService(repository);
        }
    }

    /** The stored checkpoint, or null when there is none yet. */
    Instant read() {
        return readInstant(key);
    }

    /**
     * Where catching up began on the very first start (now minus catchUpInitialLookBack): no round reads before it,
     * overlap or not, so that nothing older is routed. Null when not known (a checkpoint stored elsewhere).
     */
    Instant origin() {
        return readInstant(key + ".origin");
    }

    /** Starts a checkpoint that did not exist: the checkpoint and the origin are both {@code start}. */
    void begin(Instant start) {
        repository.setState(key + ".origin", start.toString());
        write(start);
    }

    private Instant readInstant(String key) {
        String text = repository.getState(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("The catch-up checkpoint '" + key + "' in " + where + " is not an "
                    + "ISO-8601 instant: '" + text + "'. Fix or remove it (removing it catches up from now on)", e);
        }
    }

    void write(Instant checkpoint) {
        repository.setState(key, checkpoint.toString());
    }

    String key() {
        return key;
    }
}
