package io.github.camelpreservica.component.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.github.camelpreservica.client.TriggerType;
import io.github.camelpreservica.component.webhook.WebhookStatistics.Rejection;
import io.github.camelpreservica.delivery.WebhookDelivery;

/**
 * Refuses correctly signed deliveries that were not meant for this endpoint now: the signature proves only that
 * someone holding the secret made the body once (PROTOCOL.md section 5 signs no delivery id and no time), so a
 * captured delivery can be sent again later, after the memory of seen deliveries forgot it, or to another endpoint
 * sharing the secret.
 * <p>
 * Checked: the {@code trigger} is one of this endpoint's triggers (when it has any); the {@code subscriptionId} is
 * one this endpoint holds (only when it knows them: a receive-only consumer does not); and, when maxDeliveryAge is
 * set, the {@code timestamp} (no zone on the wire: read as UTC) is not older than that plus {@link #CLOCK_SKEW},
 * nor more than {@link #CLOCK_SKEW} in the future.
 */
final class ReplayGuard {

    /** How far Preservica's clock and ours may disagree before a timestamp counts against a delivery. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Set<String> triggerWireValues;
    private final Supplier<? extends Collection<String>> knownSubscriptionIds;
    private final Duration maxAge;
    private final Clock clock;

    /**
     * @param triggers this endpoint's triggers; empty: any trigger is accepted
     * @param knownSubscriptionIds the subscription ids this endpoint holds; an empty collection means not known
     * @param maxAgeMillis the oldest delivery accepted, in milliseconds; 0 or less: no limit
     */
    ReplayGuard(List<TriggerType> triggers, Supplier<? extends Collection<String>> knownSubscriptionIds,
            long maxAgeMillis, Clock clock) {
        this.triggerWireValues = triggers.stream().map(TriggerType::wireValue).collect(Collectors.toUnmodifiableSet());
        this.knownSubscriptionIds = knownSubscriptionIds;
        this.maxAge = maxAgeMillis > 0 ? Duration.ofMillis(maxAgeMillis) : null;
        this.clock = clock;
    }

    /** Why the delivery is refused, or null when it may be routed. */
    Rejection refusal(WebhookDelivery delivery) {
        if (!triggerWireValues.isEmpty() && !isOneOfOurTriggers(delivery.getTrigger())) {
            return Rejection.REPLAY_OTHER_TRIGGER;
        }
        Collection<String> known = knownSubscriptionIds.get();
        if (known != null && !known.isEmpty() && !known.contains(delivery.getSubscriptionId())) {
            return Rejection.REPLAY_OTHER_SUBSCRIPTION;
        }
        if (maxAge != null && !isRecent(delivery.getTimestamp())) {
            return Rejection.REPLAY_TOO_OLD;
        }
        return null;
    }

    private boolean isOneOfOurTriggers(String trigger) {
        if (trigger == null) {
            return false;
        }
        for (String ours : triggerWireValues) {
            if (ours.equalsIgnoreCase(trigger.strip())) {
                return true;
            }
        }
        return false;
    }

    private boolean isRecent(String timestamp) {
        Instant sent = parseTimestamp(timestamp);
        if (sent == null) {
            // the age cannot be proved: with a limit set, that is a refusal
            return false;
        }
        Instant now = clock.instant();
        return !sent.isBefore(now.minus(maxAge).minus(CLOCK_SKEW)) && !sent.isAfter(now.plus(CLOCK_SKEW));
    }

    /** Preservica's {@code 2023-10-11T10:52:42.469} (no zone: UTC), or an ISO-8601 time with an offset; else null. */
    static Instant parseTimestamp(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        String value = timestamp.strip();
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException noZone) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
