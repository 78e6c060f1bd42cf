package io.github.camelpreservica.component.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.camelpreservica.client.ChangePage;
import io.github.camelpreservica.client.ChangedEntity;
import io.github.camelpreservica.client.PreservicaClient;
import io.github.camelpreservica.delivery.WebhookEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catching up from Preservica's updated-since query (issue 13): a round on start and then every catchUpInterval
 * reads the entities changed between the checkpoint (minus catchUpOverlap) and the round's start, page by page, and
 * hands each to the route as a {@link WebhookEvent}, oldest first. Only when the route took every one does the
 * checkpoint move to the round's start; a failing exchange ends the round and the same window comes again next time.
 * With replicas only the elected one runs rounds. Stopping lets the exchange in progress finish and ends the round
 * there, the checkpoint unmoved.
 */
final class CatchUp {

    /** What the last round did; {@code outcome} is {@code completed}, {@code failed: ...} or {@code stopped: ...}. */
    record Round(Instant started, Instant ended, Instant from, Instant to, long changes, String outcome) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(CatchUp.class);

    private final PreservicaWebhookConsumer consumer;
    private final PreservicaClient client;
    private final CatchUpCheckpoint checkpoint;
    private final BooleanSupplier leads;
    private final Duration interval;
    private final Duration overlap;
    private final Duration initialLookBack;
    private final int pageSize;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private volatile boolean stopping;
    private volatile Instant lastCheckpoint;
    private volatile Round lastRound;

    CatchUp(PreservicaWebhookConsumer consumer, PreservicaClient client, PreservicaWebhookConfiguration config,
            BooleanSupplier leads) {
        this.consumer = consumer;
        this.client = client;
        this.leads = leads;
        this.interval = positive("catchUpInterval", config.getCatchUpInterval());
        this.overlap = notNegative("catchUpOverlap", config.getCatchUpOverlap());
        this.initialLookBack = notNegative("catchUpInitialLookBack", config.getCatchUpInitialLookBack());
        if (config.getCatchUpPageSize() < 1) {
            throw new IllegalArgumentException("catchUpPageSize must be at least 1 (was " + config.getCatchUpPageSize()
                    + ")");
        }
        this.pageSize = config.getCatchUpPageSize();
        this.checkpoint = CatchUpCheckpoint.of(config, consumer.getEndpoint().getName());
    }

    void start() {
        checkpoint.start();
        lastCheckpoint = checkpoint.read();
        executor = consumer.getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(consumer, "PreservicaWebhookCatchUp");
        executor.scheduleWithFixedDelay(this::runRound, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Catching up on Preservica changes every {} (checkpoint {}: {})", interval, checkpoint.key(),
                lastCheckpoint == null ? "none yet, starting now" : lastCheckpoint);
    }

    /** Ends the round in progress after its current exchange, waiting up to the timeout; safe to call twice. */
    void stop(long timeoutMillis) {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS)) {
                    LOG.warn("A catch-up round of {} did not end within {} ms", consumer.getEndpoint().getName(),
                            timeoutMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        checkpoint.stop();
    }

    Instant checkpoint() {
        return lastCheckpoint;
    }

    Round lastRound() {
        return lastRound;
    }

    /** How far the checkpoint lags behind now (zero without one). */
    Duration behind() {
        Instant current = lastCheckpoint;
        return current == null ? Duration.ZERO : Duration.between(current, clock.instant());
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("catchup.checkpoint", String.valueOf(lastCheckpoint));
        details.put("catchup.behind.ms", behind().toMillis());
        Round round = lastRound;
        if (round != null) {
            details.put("catchup.lastRound.start", round.started().toString());
            details.put("catchup.lastRound.end", round.ended().toString());
            details.put("catchup.lastRound.changes", round.changes());
            details.put("catchup.lastRound.outcome", round.outcome());
        }
        return details;
    }

    void runRound() {
        if (stopping || !consumer.isRunAllowed() || !leads.getAsBoolean()) {
            return;
        }
        Instant started = clock.instant();
        Instant from = null;
        long routed = 0;
        String outcome;
        try {
            Instant stored = checkpoint.read();
            if (stored == null) {
                // the very first start: only initialLookBack is caught up, without overlap
                from = started.minus(initialLookBack);
                checkpoint.begin(from);
                lastCheckpoint = from;
            } else {
                from = stored.minus(overlap);
                Instant origin = checkpoint.origin();
                if (origin != null && from.isBefore(origin)) {
                    from = origin;
                }
                lastCheckpoint = stored;
            }
            outcome = null;
            Iterator<ChangePage<ChangedEntity>> pages = client.changes().updatedSince(from, started, pageSize);
            while (outcome == null && pages.hasNext()) {
                for (ChangedEntity entity : pages.next().items()) {
                    outcome = interruption();
                    if (outcome != null) {
                        break;
                    }
                    if (!route(entity, from, started)) {
                        outcome = "failed: the route failed on entity " + entity.ref() + "; the window comes again"
                                + " next round";
                        break;
                    }
                    routed++;
                }
            }
            if (outcome == null) {
                Instant latest = checkpoint.read(); // never backwards, should another writer have moved it on
                Instant next = latest != null && latest.isAfter(started) ? latest : started;
                checkpoint.write(next);
                lastCheckpoint = next;
                outcome = "completed";
            }
        } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
        }
        Round round = new Round(started, clock.instant(), from, started, routed, outcome);
        lastRound = round;
        if (outcome.equals("completed")) {
            LOG.debug("Catch-up round {} .. {} routed {} change(s)", from, started, routed);
        } else {
            LOG.warn("Catch-up round {} .. {} of preservica-webhook:{} {} after {} change(s); checkpoint stays {}",
                    from, started, consumer.getEndpoint().getName(), outcome, routed, lastCheckpoint);
        }
    }

    /** Why the round must end now, or null when it may go on. */
    private String interruption() {
        if (stopping || !consumer.isRunAllowed()) {
            return "stopped: the consumer is stopping";
        }
        if (!leads.getAsBoolean()) {
            return "stopped: another replica leads now";
        }
        return null;
    }

    /** Hands one changed entity to the route; false when the route failed on it. */
    private boolean route(ChangedEntity entity, Instant from, Instant to) {
        Exchange exchange = consumer.createExchange(false);
        try {
            WebhookEvent.Builder event = WebhookEvent.builder()
                    .event(entity.deleted() ? "Deleted" : "Updated")
                    .entityType(entity.type())
                    .entityRef(entity.ref())
                    .deleted(entity.deleted())
                    .delivery(null, null, null, client.tenant().orElse(null));
            if (entity.title() != null) {
                event.otherField("title", entity.title());
            }
            Message message = exchange.getMessage();
            message.setBody(event.build());
            message.setHeader(PreservicaWebhookConstants.CATCH_UP, Boolean.TRUE);
            message.setHeader(PreservicaWebhookConstants.CATCH_UP_FROM, from.toString());
            message.setHeader(PreservicaWebhookConstants.CATCH_UP_TO, to.toString());
            message.setHeader(PreservicaWebhookConstants.ENTITY_REF, entity.ref());
            message.setHeader(PreservicaWebhookConstants.ENTITY_TYPE, entity.type());
            message.setHeader(PreservicaWebhookConstants.DELETED, entity.deleted());
            client.tenant().ifPresent(tenant -> message.setHeader(PreservicaWebhookConstants.TENANT, tenant));
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() != null) {
                consumer.getExceptionHandler().handleException("Catch-up of Preservica entity " + entity.ref()
                        + " failed", exchange, exchange.getException());
                return false;
            }
            return true;
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    private static Duration positive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException(option + " must be positive (was " + millis + " ms)");
        }
        return Duration.ofMillis(millis);
    }

    private static Duration notNegative(String option, long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException(option + " must not be negative (was " + millis + " ms)");
        }
        return Duration.ofMillis(millis);
    }
}
