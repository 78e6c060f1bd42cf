package io.github.camelpreservica.component.webhook;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.camelpreservica.testing.HostileRequests;
import io.github.camelpreservica.testing.HostileRequests.Engine;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends every case of {@link HostileRequests} over real sockets to one running route, in order, each followed by a
 * good delivery. Each case must get its status and make exactly the exchanges it should (none for a refusal); at the
 * end every good delivery must have reached the route exactly once. The docs table must list exactly these cases.
 */
class HostileRequestsTest extends WebhookTestSupport {

    private static final String PATH = "/preservica/hostile";
    private static final String GOOD = HostileRequests.GOOD;
    private static final Path USER_GUIDE = Path.of("..", "docs", "user-guide.md");
    private static final String TABLE_HEADER = HostileRequests.TABLE_HEADER;

    private final Map<String, AtomicInteger> exchangesByRef = new ConcurrentHashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger goodCounter = new AtomicInteger();
    private final List<String> goodRefs = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsItsStatusAndNoExchange() throws Exception {
        context.addRoutes(HostileRequests.route(exchangesByRef, exchanges));
        HostileRequests catalogue = catalogue();
        Stream<DynamicTest> cases = catalogue.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (c.before() != null) {
                assertThat(c.before().send()).as("status of what prepares '%s'", c.name()).isEqualTo(200);
            }
            int before = exchanges.get();
            int status = c.sender().send();
            assertThat(status).as("status of '%s'", c.name()).isEqualTo(c.statusOn(Engine.VERTX));
            assertThat(exchanges.get() - before).as("exchanges made by '%s'", c.name()).isEqualTo(c.exchange() ? 1 : 0);
            sendGoodDelivery();
        }));
        Stream<DynamicTest> last = Stream.of(DynamicTest.dynamicTest("every good delivery arrived exactly once", () -> {
            assertThat(goodRefs).hasSizeGreaterThanOrEqualTo(40);
            for (String ref : goodRefs) {
                assertThat(exchangesByRef.get(ref)).as("exchanges for good delivery %s", ref).hasValue(1);
            }
        }));
        return Stream.concat(cases, last);
    }

    @Test
    void docsTableListsExactlyTheseCasesWithTheirOutcomes() throws Exception {
        List<String> expected = new ArrayList<>();
        expected.add(TABLE_HEADER);
        expected.add(HostileRequests.TABLE_RULE);
        catalogue().cases().forEach(c -> expected.add(c.tableRow()));

        String guide = Files.readString(USER_GUIDE, StandardCharsets.UTF_8);
        int start = guide.indexOf(TABLE_HEADER);
        assertThat(start).as("the table in %s, which should read:%n%s%n", USER_GUIDE, String.join("\n", expected))
                .isNotNegative();
        List<String> actual = guide.substring(start).lines().takeWhile(line -> line.startsWith("|")).toList();

        assertThat(actual).as("docs table; expected:%n%s%n", String.join("\n", expected))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theTableKnowsTheConsumersBodyReadTimeout() {
        assertThat(HostileRequests.BODY_READ_TIMEOUT_MILLIS).isEqualTo(RequestBodyReader.BODY_READ_TIMEOUT_MILLIS);
    }

    @Override
    protected long requestHeaderTimeout() {
        return HostileRequests.HEAD_TIMEOUT_MILLIS;
    }

    private HostileRequests catalogue() {
        return new HostileRequests(Engine.VERTX, httpPort, PATH, SECRET, this::sendGoodDelivery);
    }

    private void sendGoodDelivery() throws Exception {
        String ref = GOOD + goodCounter.incrementAndGet();
        byte[] body = delivery(HostileRequests.SUBSCRIPTION, ref);
        assertThat(postSigned("http://" + LOOPBACK + ":" + httpPort + PATH, body).statusCode())
                .as("good delivery %s", ref).isEqualTo(200);
        synchronized (goodRefs) {
            goodRefs.add(ref);
        }
    }
}
