package io.github.camelpreservica.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every change made to the catalogue, in the order it happened, and the change queries answered from it. A change
 * becomes visible to the queries only {@code restLag} after it happened, as an index that catches up late would.
 */
final class ChangeLog {

    /**
     * One change: one Preservica event with one event action on one entity.
     *
     * @param entity the entity's state right after the change
     */
    record Change(long sequence, Instant at, String eventRef, String eventType, String commandType, String user,
                  CatalogueEntry entity) {
    }

    /** One page of an answer, and how many there are in all. */
    record Page<T>(List<T> items, int start, int max, int total) {
        boolean hasNext() {
            return start + items.size() < total && !items.isEmpty();
        }
    }

    private static final Comparator<Change> IN_ORDER = Comparator.comparing(Change::at)
            .thenComparingLong(Change::sequence);

    private final Clock clock;
    private final List<Change> changes = new ArrayList<>();
    private volatile Duration restLag = Duration.ZERO;
    private long sequence;
    private Instant lastAt = Instant.EPOCH;
    private Instant nextAt;

    ChangeLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends a change happening now; times never go backwards, so the log stays in order. */
    synchronized Change record(String eventType, String commandType, String user, CatalogueEntry entity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // Preservica's dates have milliseconds
        if (now.isBefore(lastAt)) {
            now = lastAt;
        }
        if (nextAt != null) {
            now = nextAt;
            nextAt = null;
        } else {
            lastAt = now;
        }
        Change change = new Change(++sequence, now, UUID.randomUUID().toString(), eventType, commandType, user, entity);
        int position = changes.size();
        while (position > 0 && IN_ORDER.compare(changes.get(position - 1), change) > 0) {
            position--; // only a dated change goes anywhere but last
        }
        changes.add(position, change);
        return change;
    }

    /** Dates the next change at this instant instead of now (tests of window boundaries). */
    synchronized void nextChangeAt(Instant at) {
        this.nextAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    void restLag(Duration lag) {
        if (lag == null || lag.isNegative()) {
            throw new IllegalArgumentException("restLag needs a duration >= 0, got " + lag);
        }
        this.restLag = lag;
    }

    Duration restLag() {
        return restLag;
    }

    /**
     * Entities whose last visible change lies within [date, endDate] (both inclusive; endDate may be null), oldest
     * change first. An entity changed again after endDate is not listed: only its last update time is known.
     */
    Page<Change> updatedSince(Instant date, Instant endDate, int start, int max) {
        Map<String, Change> latest = new LinkedHashMap<>();
        for (Change change : visible()) {
            latest.put(change.entity().ref(), change);
        }
        List<Change> matching = latest.values().stream()
                .filter(c -> !c.at().isBefore(date) && (endDate == null || !c.at().isAfter(endDate)))
                .sorted(IN_ORDER).toList();
        return page(matching, start, max);
    }

    /** Events within [from, to] (either may be null) of the given types (empty: all), oldest first. */
    Page<Change> events(Set<String> types, Instant from, Instant to, int start, int max) {
        List<Change> matching = visible().stream()
                .filter(c -> types.isEmpty() || types.contains(c.eventType()))
                .filter(c -> (from == null || !c.at().isBefore(from)) && (to == null || !c.at().isAfter(to)))
                .toList();
        return page(matching, start, max);
    }

    /** The actions of one event (here always one), or null when there is no such visible event. */
    Page<Change> eventActions(String eventRef, int start, int max) {
        List<Change> matching = visible().stream().filter(c -> c.eventRef().equals(eventRef)).toList();
        return matching.isEmpty() ? null : page(matching, start, max);
    }

    /** The history of one entity, oldest first; empty when it has none visible yet. */
    Page<Change> history(String ref, int start, int max) {
        return page(visible().stream().filter(c -> c.entity().ref().equals(ref)).toList(), start, max);
    }

    synchronized int size() {
        return changes.size();
    }

    private synchronized List<Change> visible() {
        Instant horizon = clock.instant().minus(restLag);
        List<Change> result = new ArrayList<>();
        for (Change change : changes) {
            if (change.at().isAfter(horizon)) {
                break; // the log is in time order
            }
            result.add(change);
        }
        return result;
    }

    private static <T> Page<T> page(List<T> all, int start, int max) {
        int from = Math.min(Math.max(0, start), all.size());
        int to = Math.min(all.size(), from + Math.max(0, max));
        return new Page<>(List.copyOf(all.subList(from, to)), from, max, all.size());
    }
}
