package io.github.camelpreservica.client;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The Entity API's change queries (PROTOCOL.md section 7): entities updated since a date, events in a window, the
 * entities an event touched, an entity's history. Each is read a page at a time (an iterator of pages), so a window
 * of ten thousand changes is never held in memory. Paging goes by {@code start}+{@code max}; a {@code Next} URL only
 * says that there is more (it is never followed, so an answer cannot send the token to another host). Same login,
 * retry and error rules as every other call of {@link PreservicaClient}.
 */
public final class EntityChanges {

    static final String UPDATED_SINCE_PATH = "/api/entity/entities/updated-since";
    static final String EVENTS_PATH = "/api/entity/events";

    private final PreservicaClient client;

    EntityChanges(PreservicaClient client) {
        this.client = client;
    }

    /**
     * One page of the entities whose last update lies between {@code since} and {@code until}, oldest first.
     *
     * @param until null for no upper bound (then an entity updated while one pages moves to the end of the answer)
     */
    public ChangePage<ChangedEntity> updatedSincePage(Instant since, Instant until, int start, int max) {
        Objects.requireNonNull(since, "since");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("date", PreservicaDates.format(since));
        if (until != null) {
            query.put("endDate", PreservicaDates.format(until));
        }
        PreservicaRequest request = page(UPDATED_SINCE_PATH, query, start, max);
        byte[] body = client.getExpectingSuccess(request, null);
        try {
            return ChangeReader.readEntities(body, start);
        } catch (IllegalArgumentException e) {
            throw client.unexpectedAnswer(request, e.getMessage());
        }
    }

    /**
     * Every page of the entities updated in [since, until], oldest first. When an entity is updated while this pages,
     * it leaves the window (its update time moves past {@code until}) and the later entities move up: the count of
     * results shrinks, and the next page is then read from that many places earlier, so nothing is skipped (some
     * entity may come twice).
     */
    public Iterator<ChangePage<ChangedEntity>> updatedSince(Instant since, Instant until, int pageSize) {
        Objects.requireNonNull(until, "until: without an end date, paging while entities change skips some");
        return new Pages<>(pageSize, (start, max) -> updatedSincePage(since, until, start, max));
    }

    /** Every page of the events in [from, to] (either may be null) of the given types (empty: all), oldest first. */
    public Iterator<ChangePage<PreservicaEvent>> events(Set<String> types, Instant from, Instant to, int pageSize) {
        Map<String, String> query = new LinkedHashMap<>();
        if (types != null && !types.isEmpty()) {
            query.put("types", String.join(",", types));
        }
        if (from != null) {
            query.put("from", PreservicaDates.format(from));
        }
        if (to != null) {
            query.put("to", PreservicaDates.format(to));
        }
        return new Pages<>(pageSize, (start, max) -> {
            PreservicaRequest request = page(EVENTS_PATH, query, start, max);
            byte[] body = client.getExpectingSuccess(request, null);
            try {
                return ChangeReader.readEvents(body, start);
            } catch (IllegalArgumentException e) {
                throw client.unexpectedAnswer(request, e.getMessage());
            }
        });
    }

    /** Every page of what one event did, entity by entity. @throws PreservicaNotFoundException for an unknown event */
    public Iterator<ChangePage<EventAction>> eventActions(String eventRef, int pageSize) {
        Objects.requireNonNull(eventRef, "eventRef");
        String path = EVENTS_PATH + "/" + PreservicaRequest.pathSegment("event reference", eventRef) + "/event-actions";
        return actions(path, "event '" + eventRef + "'", pageSize);
    }

    /**
     * Every page of an entity's history, oldest first.
     *
     * @param entityType {@code IO}, {@code SO} or {@code CO}
     * @throws PreservicaNotFoundException for an unknown entity
     */
    public Iterator<ChangePage<EventAction>> history(String entityType, String ref, int pageSize) {
        Objects.requireNonNull(ref, "ref");
        String kind = switch (entityType == null ? "" : entityType.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "IO" -> "information-objects";
            case "SO" -> "structural-objects";
            case "CO" -> "content-objects";
            default -> throw new IllegalArgumentException("Unknown Preservica entity type '" + entityType
                    + "': valid values are IO, SO and CO");
        };
        String path = "/api/entity/" + kind + "/" + PreservicaRequest.pathSegment("entity reference", ref)
                + "/event-actions";
        return actions(path, entityType + " '" + ref + "'", pageSize);
    }

    private Iterator<ChangePage<EventAction>> actions(String path, String subject, int pageSize) {
        return new Pages<>(pageSize, (start, max) -> {
            PreservicaRequest request = page(path, new LinkedHashMap<>(), start, max);
            byte[] body = client.getExpectingSuccess(request, subject);
            try {
                return ChangeReader.readEventActions(body, start);
            } catch (IllegalArgumentException e) {
                throw client.unexpectedAnswer(request, e.getMessage());
            }
        });
    }

    private static PreservicaRequest page(String path, Map<String, String> query, int start, int max) {
        if (start < 0 || max < 1) {
            throw new IllegalArgumentException("Paging needs start >= 0 and max >= 1, got " + start + " and " + max);
        }
        Map<String, String> withPaging = new LinkedHashMap<>(query);
        withPaging.put("start", Integer.toString(start));
        withPaging.put("max", Integer.toString(max));
        return PreservicaRequest.get(path, withPaging);
    }

    private interface PageReader<T> {
        ChangePage<T> read(int start, int max);
    }

    /**
     * Reads page after page, lazily. The next start is this page's start plus the items it had (a server may cap
     * {@code max}); when the total shrank since the previous page, that many places earlier.
     */
    private static final class Pages<T> implements Iterator<ChangePage<T>> {
        private static final int MAX_STEP_BACKS = 100;
        private final int pageSize;
        private final PageReader<T> reader;
        private int nextStart;
        private long lastTotal = -1;
        private ChangePage<T> ahead;
        private boolean done;

        Pages(int pageSize, PageReader<T> reader) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("The page size must be at least 1, got " + pageSize);
            }
            this.pageSize = pageSize;
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null && !done) {
                ChangePage<T> page = reader.read(nextStart, pageSize);
                for (int stepBacks = 0; stepBacks < MAX_STEP_BACKS && lastTotal >= 0
                        && page.totalResults() < lastTotal && nextStart > 0; stepBacks++) {
                    // entities before this position may have left the answer: step back so none is skipped
                    nextStart = (int) Math.max(0, nextStart - (lastTotal - page.totalResults()));
                    lastTotal = page.totalResults();
                    page = reader.read(nextStart, pageSize);
                }
                lastTotal = page.totalResults();
                nextStart = page.start() + page.items().size();
                done = page.last();
                ahead = page.items().isEmpty() && nextStart > 0 ? null : page;
            }
            return ahead != null;
        }

        @Override
        public ChangePage<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No further page");
            }
            ChangePage<T> page = ahead;
            ahead = null;
            return page;
        }
    }
}
