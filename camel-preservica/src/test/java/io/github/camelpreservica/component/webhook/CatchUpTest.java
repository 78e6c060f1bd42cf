package io.github.camelpreservica.component.webhook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.ReceiverDown;
import io.github.camelpreservica.simulator.SimulatedCatalogue;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Catching up from the change queries (issue 13), against the simulator's change log. */
class CatchUpTest extends WebhookTestSupport {

    /** One exchange the route saw. */
    record Routed(String ref, boolean caughtUp, Boolean deleted, String from, String to) {
    }

    private final List<Routed> routed = new CopyOnWriteArrayList<>();

    @TempDir
    Path tempDir;

    @Test
    void aTitleEditThatFiresNoWebhookReachesTheRouteWithinOneInterval() throws Exception {
        startCollecting("titles", "preservica-webhook:titles?trigger=INDEXED&catchUp=true&catchUpInterval=1000"
                + "&catchUpOverlap=500");
        awaitFirstRound("titles");
        String ref = DemoAssets.LETTER_REF;

        long madeAt = System.nanoTime();
        simulator.catalogue().modify(ref, "Letter, retitled " + madeAt, null, false);

        await().atMost(Duration.ofMillis(2_500)).until(() -> routedRefs().contains(ref));
        Routed caught = routed.stream().filter(r -> r.ref().equals(ref)).findFirst().orElseThrow();
        assertThat(caught.caughtUp()).isTrue();
        assertThat(caught.deleted()).isFalse();
        assertThat(Instant.parse(caught.from())).isBefore(Instant.parse(caught.to()));
        assertThat(simulator.deliveries()).isEmpty();
    }

    @Test
    void routesCaughtUpChangesOldestFirstAcrossPages() throws Exception {
        startCollecting("ordered", "preservica-webhook:ordered?trigger=INDEXED&catchUp=true&catchUpInterval=1000"
                + "&catchUpOverlap=100&catchUpPageSize=2");
        awaitFirstRound("ordered");
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            refs.add(simulator.catalogue().create("IO", null, "Ordered " + i, DemoAssets.FOLDER_REF, false).ref());
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> routedRefs().containsAll(refs));
        assertThat(routedRefs().stream().filter(refs::contains).distinct().toList()).isEqualTo(refs);
    }

    @Test
    void theFirstStartWithoutCheckpointRoutesNothingFromBefore() throws Exception {
        simulator.catalogue().modify(DemoAssets.TOWN_PLAN_REF, "Edited before the first start", null, false);

        startCollecting("fresh", "preservica-webhook:fresh?trigger=INDEXED&catchUp=true&catchUpInterval=300"
                + "&catchUpOverlap=5000");
        awaitFirstRound("fresh");
        await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> true);

        assertThat(routedRefs()).doesNotContain(DemoAssets.TOWN_PLAN_REF);
        assertThat(consumerOf("fresh").getCatchUpLastRound()).contains("completed");
    }

    @Test
    void aFailingRouteGetsTheSameChangesAgainNextRound() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        String failing = DemoAssets.HARBOUR_REF;
        String after = DemoAssets.INTERVIEW_REF;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:failing?trigger=INDEXED&catchUp=true&catchUpInterval=500"
                        + "&catchUpOverlap=200").routeId("failing")
                        .process(exchange -> {
                            WebhookEvent event = exchange.getMessage().getBody(WebhookEvent.class);
                            if (event.getEntityRef().equals(failing) && failures.getAndIncrement() < 2) {
                                throw new IllegalStateException("the catalogue is down");
                            }
                            record(exchange);
                        });
            }
        });
        awaitFirstRound("failing");

        simulator.catalogue().modify(failing, "Harbour, retitled", null, false);
        simulator.catalogue().modify(after, "Interview, retitled", null, false);

        await().atMost(Duration.ofSeconds(10)).until(() -> routedRefs().contains(after));
        assertThat(failures.get()).isEqualTo(3);
        assertThat(routedRefs()).containsSubsequence(failing, after);
    }

    @Test
    void healthJmxAndTheDevConsoleShowTheCheckpointTheLastRoundAndHowFarBehind() throws Exception {
        startCollecting("watched", "preservica-webhook:watched?trigger=INDEXED&catchUp=true&catchUpInterval=500"
                + "&catchUpOverlap=100");
        awaitFirstRound("watched");
        simulator.catalogue().modify(DemoAssets.HARBOUR_REF, "Harbour, watched", null, false);
        PreservicaWebhookConsumer consumer = consumerOf("watched");
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.getCatchUpLastRoundChanges() == 1);

        Instant checkpoint = Instant.parse(consumer.getCatchUpCheckpoint());
        assertThat(checkpoint).isBetween(Instant.now().minusSeconds(5), Instant.now());
        assertThat(consumer.getCatchUpBehindMillis()).isBetween(0L, 5_000L);
        assertThat(consumer.getCatchUpLastRound()).contains("outcome=completed").contains("changes=1");
        HealthCheck.Result health = HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:watched")).findFirst().orElseThrow();
        assertThat(health.getDetails()).containsKeys("catchup.checkpoint", "catchup.behind.ms",
                "catchup.lastRound.start", "catchup.lastRound.end", "catchup.lastRound.changes",
                "catchup.lastRound.outcome");
        assertThat(health.getDetails().get("catchup.lastRound.outcome")).isEqualTo("completed");

        PreservicaWebhookDevConsole console = new PreservicaWebhookDevConsole();
        console.setCamelContext(context);
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertThat(text).contains("catchUpCheckpoint: 20").contains("catchUpBehindMillis: ")
                .contains("catchUpLastRoundChanges: 1").contains("outcome=completed");
    }

    @Test
    void refusesAnIntervalThatIsNotPositiveNamingTheOption() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> startCollecting("bad",
                "preservica-webhook:bad?trigger=INDEXED&catchUp=true&catchUpInterval=0"));
        assertThat(rootCause(e).getMessage()).isEqualTo("catchUpInterval must be positive (was 0 ms)");
        assertThat(simulator.subscriptions()).as("a mistake in an option costs no subscription").isEmpty();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    @ParameterizedTest
    @EnumSource(ReceiverDown.class)
    void everyChangeMadeWhileTheReceiverWasStoppedIsRoutedAfterItsRestart(ReceiverDown behaviour) throws Exception {
        SimulatedCatalogue catalogue = simulator.catalogue();
        simulator.receiverDown(behaviour, Duration.ofMillis(100), 3);
        String p = "outage-" + behaviour + "-" + System.nanoTime() + "-";
        for (String name : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
            catalogue.create("IO", p + name, "Asset " + name, DemoAssets.FOLDER_REF, false);
        }
        Path checkpointFile = tempDir.resolve("checkpoint-" + behaviour + ".dat");
        startCollecting("outage", "preservica-webhook:outage?trigger=INDEXED,MOVED,SECURITY_CHANGED,"
                + "CHANGE_ASSET_VISIBILITY&unsubscribeOnStop=false&catchUp=true"
                + "&catchUpInterval=1000&catchUpOverlap=2000&catchUpPageSize=2"
                + "&checkpointFile=" + checkpointFile);
        awaitFirstRound("outage");

        context.getRouteController().stopRoute("outage");
        Instant checkpoint = storedCheckpoint(checkpointFile);
        routed.clear();

        catalogue.maxPageSize(2);
        catalogue.restLag(Duration.ofMillis(1500)); // under catchUpOverlap (2 s): a later round still sees them
        catalogue.nextChangeAt(checkpoint);
        catalogue.modify(p + "a", "Changed at the checkpoint's instant", null, false);
        catalogue.modify(p + "b", "Changed once", "first", true);
        catalogue.modify(p + "b", "Changed twice", "second", true);
        catalogue.move(p + "c", "another-folder", true);
        catalogue.changeSecurity(p + "d", "closed", true);
        catalogue.changeVisibility(p + "e", false, true);
        catalogue.modify(p + "f", "Title edit, no webhook", null, false);
        catalogue.delete(p + "g");
        List<String> expected = new ArrayList<>(List.of(p + "a", p + "b", p + "c", p + "d", p + "e", p + "f",
                p + "g", p + "h"));
        for (int i = 0; i < 5; i++) {
            expected.add(catalogue.create("IO", p + "new" + i, "New " + i, DemoAssets.FOLDER_REF, true).ref());
        }
        // lands between the first and second page the restarted consumer reads
        catalogue.afterUpdatedSincePage(1, () -> catalogue.modify(p + "h", "Changed while paging", null, false));
        Instant outageEnd = Instant.now();

        context.getRouteController().startRoute("outage");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(routedRefs()).containsAll(expected));
        // an earlier round may have seen g before its deletion showed (REST lag); a later one flags it
        assertThat(routed).filteredOn(r -> r.ref().equals(p + "g"))
                .anySatisfy(r -> assertThat(r.deleted()).isTrue());
        assertThat(routed).filteredOn(r -> r.ref().equals(p + "f"))
                .anySatisfy(r -> assertThat(r.caughtUp()).isTrue());
        await().atMost(Duration.ofSeconds(10)).until(() -> storedCheckpoint(checkpointFile).isAfter(outageEnd));
    }

    private void startCollecting(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(CatchUpTest.this::record);
            }
        });
    }

    private void record(Exchange exchange) {
        WebhookEvent event = exchange.getMessage().getBody(WebhookEvent.class);
        routed.add(new Routed(event.getEntityRef(),
                Boolean.TRUE.equals(exchange.getMessage().getHeader(PreservicaWebhookConstants.CATCH_UP)),
                exchange.getMessage().getHeader(PreservicaWebhookConstants.DELETED, Boolean.class),
                exchange.getMessage().getHeader(PreservicaWebhookConstants.CATCH_UP_FROM, String.class),
                exchange.getMessage().getHeader(PreservicaWebhookConstants.CATCH_UP_TO, String.class)));
    }

    private List<String> routedRefs() {
        return routed.stream().map(Routed::ref).filter(Objects::nonNull).toList();
    }

    private void awaitFirstRound(String routeId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> consumerOf(routeId).getCatchUpLastRound().contains("completed"));
    }

    private static final Pattern INSTANT = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)");

    private static Instant storedCheckpoint(Path file) throws Exception {
        String text = Files.readString(file);
        Matcher matcher = Pattern.compile("preservica-webhook:outage=" + INSTANT.pattern()).matcher(text);
        Instant last = null;
        while (matcher.find()) {
            last = Instant.parse(matcher.group(1)); // the store appends: the last line holds the latest value
        }
        assertThat(last).as("a checkpoint in " + file + ": " + text).isNotNull();
        return last;
    }
}
