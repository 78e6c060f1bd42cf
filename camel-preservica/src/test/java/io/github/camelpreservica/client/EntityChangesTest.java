package io.github.camelpreservica.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.simulator.RecordedRequest;
import io.github.camelpreservica.simulator.SimulatedCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelpreservica.client.SimulatorFixture.clientFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change queries against the simulator's change log, over loopback. */
class EntityChangesTest {

    private static final String FOLDER = "f0000000-0000-4000-8000-000000000001";

    private PreservicaSimulator sim;
    private SimulatedCatalogue catalogue;
    private PreservicaClient client;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.simulator().build().start();
        catalogue = sim.catalogue();
        client = new PreservicaClient(clientFor(sim).build());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void listsEntitiesUpdatedInTheWindowOldestFirstWithDeletionsFlagged() {
        Instant before = Instant.now().minusSeconds(1);
        catalogue.create("SO", FOLDER, "Folder", null, false);
        catalogue.create("IO", "a1", "First", FOLDER, false);
        catalogue.create("IO", "a2", "Second", FOLDER, false);
        catalogue.modify("a1", "First, renamed", null, false);
        catalogue.delete("a2");

        List<ChangedEntity> all = collect(client.changes().updatedSince(before, Instant.now().plusSeconds(1), 100));

        assertEquals(List.of(FOLDER, "a1", "a2"), all.stream().map(ChangedEntity::ref).toList());
        assertEquals("First, renamed", all.get(1).title());
        assertEquals("IO", all.get(1).type());
        assertFalse(all.get(1).deleted());
        assertTrue(all.get(2).deleted());
        assertTrue(all.get(1).url().endsWith("/api/entity/information-objects/a1"));
    }

    @Test
    void followsPagingByStartAndMaxWhenTheServerCapsThePageSize() {
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 7; i++) {
            catalogue.create("IO", "p" + i, "Asset " + i, null, false);
        }
        catalogue.maxPageSize(2);

        List<ChangePage<ChangedEntity>> pages = new ArrayList<>();
        client.changes().updatedSince(before, Instant.now().plusSeconds(1), 100).forEachRemaining(pages::add);

        assertEquals(4, pages.size());
        assertEquals(7, pages.get(0).totalResults());
        assertEquals(List.of("p0", "p1", "p2", "p3", "p4", "p5", "p6"),
                pages.stream().flatMap(p -> p.items().stream()).map(ChangedEntity::ref).toList());
        assertTrue(pages.get(3).last());
    }

    @Test
    void skipsNoEntityWhenOneAlreadyReadIsUpdatedWhileItPages() {
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 6; i++) {
            catalogue.create("IO", "u" + i, "Asset " + i, null, false);
        }
        Instant until = Instant.now();
        catalogue.maxPageSize(2);
        // after the first page (u0, u1), u0 changes: its update time passes the end date and the rest move up
        catalogue.afterUpdatedSincePage(1, () -> catalogue.modify("u0", "changed while paging", null, false));

        List<String> refs = collect(client.changes().updatedSince(before, until, 2)).stream()
                .map(ChangedEntity::ref).toList();

        assertTrue(refs.containsAll(List.of("u0", "u1", "u2", "u3", "u4", "u5")), "every entity listed: " + refs);
    }

    @Test
    void sendsTheEndDateAndOneDateForm() {
        Instant since = Instant.parse("2026-02-12T16:12:40.123456Z");
        client.changes().updatedSincePage(since, Instant.parse("2026-02-12T17:00:00Z"), 0, 10);

        RecordedRequest request = lastRequest("/api/entity/entities/updated-since");
        assertEquals("date=2026-02-12T16%3A12%3A40.123Z&endDate=2026-02-12T17%3A00%3A00.000Z&start=0&max=10",
                request.query());
    }

    @Test
    void readsEventsAndTheEntitiesEachTouched() {
        Instant before = Instant.now().minusSeconds(1);
        catalogue.create("IO", "e1", "Evented", null, false);
        catalogue.move("e1", FOLDER, false);

        List<PreservicaEvent> events = collect(client.changes().events(Set.of("Moved"), before, null, 10));
        assertEquals(1, events.size());
        assertEquals("Moved", events.get(0).type());
        assertEquals(SimulatorFixture.USER, events.get(0).user());

        List<EventAction> actions = collect(client.changes().eventActions(events.get(0).ref(), 10));
        assertEquals(1, actions.size());
        assertEquals("e1", actions.get(0).entityRef());
        assertEquals("Moved", actions.get(0).commandType());
        assertEquals(events.get(0).date(), actions.get(0).date());
    }

    @Test
    void readsAnEntitysHistoryOldestFirst() {
        catalogue.create("IO", "h1", "History", null, false);
        catalogue.changeSecurity("h1", "closed", false);
        catalogue.delete("h1");

        List<EventAction> history = collect(client.changes().history("IO", "h1", 2));

        assertEquals(List.of("command_create", "ChangeSecurityTag", "command_delete"),
                history.stream().map(EventAction::commandType).toList());
        assertTrue(!history.get(0).date().isAfter(history.get(2).date()));
    }

    @Test
    void anUnknownEventIsNotFound() {
        PreservicaNotFoundException e = assertThrows(PreservicaNotFoundException.class,
                () -> client.changes().eventActions("no-such-event", 10).hasNext());
        assertTrue(e.getMessage().contains("event 'no-such-event'"), e.getMessage());
    }

    @Test
    void aChangeShowsOnlyAfterTheRestLag() {
        client.serverVersion(); // logged in, so the first query is quick
        catalogue.restLag(Duration.ofMillis(2000));
        Instant before = Instant.now().minusSeconds(1);
        catalogue.create("IO", "late", "Late", null, false);

        assertTrue(collect(client.changes().updatedSince(before, Instant.now().plusSeconds(5), 10)).isEmpty());
        sleep(2200);
        assertEquals(1, collect(client.changes().updatedSince(before, Instant.now().plusSeconds(5), 10)).size());
    }

    @Test
    void retriesAQueryThatMetAnUnavailableServer() {
        Instant before = Instant.now().minusSeconds(1);
        catalogue.create("IO", "r1", "Retried", null, false);
        client.serverVersion(); // logged in
        sim.failNextCalls(2, 503);

        assertEquals(1, collect(client.changes().updatedSince(before, Instant.now().plusSeconds(1), 10)).size());
    }

    @Test
    void aRefusedQueryNamesTheCall() {
        PreservicaServerException e = assertThrows(PreservicaServerException.class,
                () -> ChangeReaderProbe.readTotal(client));
        assertTrue(e.getMessage().contains("/api/entity/entities/updated-since"), e.getMessage());
    }

    private RecordedRequest lastRequest(String path) {
        List<RecordedRequest> matching = sim.requests().stream().filter(r -> r.path().equals(path)).toList();
        return matching.get(matching.size() - 1);
    }

    private static <T> List<T> collect(Iterator<ChangePage<T>> pages) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < 1000 && pages.hasNext(); i++) {
            items.addAll(pages.next().items());
        }
        return items;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a date the simulator refuses (400), to see the call named in the error. */
    private static final class ChangeReaderProbe {
        static void readTotal(PreservicaClient client) {
            byte[] ignored = client.getExpectingSuccess(PreservicaRequest.get(EntityChanges.UPDATED_SINCE_PATH,
                    java.util.Map.of("date", "yesterday")), null);
        }
    }
}
