package io.github.camelpreservica.testing;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.signing.WebhookSignatures;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.DynamicTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of hostile and broken requests, each with the outcome the consumer must give. It is the source of the
 * table "Hostile requests: cases and outcomes" in docs/user-guide.md: HostileRequestsTest sends every case to a
 * running route and checks that the table lists exactly these cases with these outcomes. Published in
 * camel-preservica's test-jar so that the Spring Boot and Quarkus examples run the same table on their own HTTP
 * servers; where an engine answers a case differently, the case says so with {@link Case#on}, and why.
 */
public final class HostileRequests {

    /** The HTTP servers the table runs on. */
    public enum Engine {
        /** Camel's Vert.x platform-http server, with the head-timeout server: a plain CamelContext or Camel Main. */
        VERTX("Vert.x"),
        /** Spring Boot's Tomcat, through camel-platform-http-starter, with the starter's body-limit filter. */
        SPRING_BOOT("Spring Boot (Tomcat)"),
        /** Quarkus' own HTTP server (Vert.x), through camel-quarkus-platform-http. */
        QUARKUS("Quarkus");

        private final String label;

        Engine(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What an engine answers instead of a case's usual status, and why that engine differs. */
    public record Outcome(int status, String why) {
    }

    /** The loopback address every case is sent to. */
    public static final String LOOPBACK = "127.0.0.1";
    /** How long the consumer waits for a body once its head has arrived (RequestBodyReader, checked by the suite). */
    public static final long BODY_READ_TIMEOUT_MILLIS = 10_000;

    public static final String SUBSCRIPTION = "9495ddbf7d4a0b9f030a3411c87f967d";
    /** The entity reference prefix of the good deliveries sent between the cases. */
    public static final String GOOD = "good-";
    public static final int MAX_BODY_SIZE = 16_384;
    /** The request head timeout of the server under test: short, so that the slow cases end quickly. */
    public static final long HEAD_TIMEOUT_MILLIS = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As a sender would use it unconfigured: HTTP/2 preferred, so a plain-HTTP POST asks for an h2c upgrade. */
    private static final HttpClient DEFAULT_HTTP = HttpClient.newHttpClient();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Sends the request(s) of one case; returns the status of the answer that matters, or RawHttp.NO_ANSWER. */
    @FunctionalInterface
    public interface Sender {
        int send() throws Exception;
    }

    /**
     * One case: its name, what is sent, the status expected, whether exactly one exchange must reach the route (an
     * accepted delivery) or none, and why. {@code before}, if any, prepares the case and is not measured.
     * {@code elsewhere} holds the engines that answer with another status, each with its reason; such a case still
     * makes no exchange there unless its usual outcome makes one.
     */
    public record Case(String name, String request, int status, boolean exchange, String why, Sender sender,
                       Sender before, Map<Engine, Outcome> elsewhere) {

        Case(String name, String request, int status, boolean exchange, String why, Sender sender, Sender before) {
            this(name, request, status, exchange, why, sender, before, Map.of());
        }

        Case(String name, String request, int status, boolean exchange, String why, Sender sender) {
            this(name, request, status, exchange, why, sender, null, Map.of());
        }

        /** This case as answered by {@code engine}: {@code status} instead, for the reason given. */
        Case on(Engine engine, int otherStatus, String reason) {
            Map<Engine, Outcome> more = new LinkedHashMap<>(elsewhere);
            more.put(engine, new Outcome(otherStatus, reason));
            return new Case(name, request, status, exchange, why, sender, before, Map.copyOf(more));
        }

        /** Whether the case makes an exchange on {@code engine}: only where it is answered as usual, or with 200. */
        public boolean exchangeOn(Engine engine) {
            Outcome outcome = elsewhere.get(engine);
            return exchange && (outcome == null || outcome.status() == 200);
        }

        /** The status {@code engine} must answer. */
        public int statusOn(Engine engine) {
            Outcome outcome = elsewhere.get(engine);
            return outcome == null ? status : outcome.status();
        }

        public String tableRow() {
            String differs = Stream.of(Engine.values()).filter(elsewhere::containsKey)
                    .map(engine -> engine.label() + ": " + shown(elsewhere.get(engine).status()) + ", "
                            + elsewhere.get(engine).why())
                    .collect(Collectors.joining("; "));
            return "| " + name + " | " + request + " | " + shown(status) + " | " + (exchange ? "one" : "none") + " | "
                    + why + " | " + (differs.isEmpty() ? "same" : differs) + " |";
        }

        private static String shown(int status) {
            return switch (status) {
                case RawHttp.NO_ANSWER -> "connection closed";
                case RawHttp.NO_STATUS_LINE -> "answer without a status line";
                case RawHttp.STILL_OPEN -> "no answer, connection left open";
                default -> Integer.toString(status);
            };
        }
    }

    /** The header of the docs table that {@link Case#tableRow()} makes the rows of. */
    public static final String TABLE_HEADER = "| case | request | status | exchange | why | on other engines |";
    public static final String TABLE_RULE = "|---|---|---|---|---|---|";

    /** Sends one good delivery, which must be answered 200 and reach the route exactly once (the test counts). */
    @FunctionalInterface
    public interface GoodDelivery {
        void send() throws Exception;
    }

    private final Engine engine;
    private final int port;
    private final String path;
    private final String url;
    private final String secret;
    private final WebhookSignatures signatures;
    private final GoodDelivery goodDelivery;
    private int counter;

    public HostileRequests(Engine engine, int port, String path, String secret, GoodDelivery goodDelivery) {
        this.engine = engine;
        this.port = port;
        this.path = path;
        this.url = "http://" + LOOPBACK + ":" + port + path;
        this.secret = secret;
        this.signatures = new WebhookSignatures(secret);
        this.goodDelivery = goodDelivery;
    }

    /**
     * A catalogue whose good deliveries ({@link #GOOD} + a number, signed, over HTTP/1.1) it sends itself, for
     * {@link #dynamicTests}.
     */
    public HostileRequests(Engine engine, int port, String path, String secret) {
        this.engine = engine;
        this.port = port;
        this.path = path;
        this.url = "http://" + LOOPBACK + ":" + port + path;
        this.secret = secret;
        this.signatures = new WebhookSignatures(secret);
        this.goodDelivery = this::sendGoodDelivery;
    }

    private final AtomicInteger goodSent = new AtomicInteger();

    private void sendGoodDelivery() throws Exception {
        String ref = GOOD + goodSent.incrementAndGet();
        assertThat(post(delivery(ref), "Preservica-Signature", signatures.sign(delivery(ref))))
                .as("good delivery %s on %s", ref, engine.label()).isEqualTo(200);
    }

    /**
     * Every case in order as one test each, on this catalogue's engine: its status there, the exchanges it made
     * ({@code caseExchanges}, counted by {@link #route}), then a good delivery; last, that every good delivery
     * reached the route exactly once ({@code exchangesByRef}). Needs the constructor without a GoodDelivery.
     */
    public Stream<DynamicTest> dynamicTests(AtomicInteger caseExchanges, Map<String, AtomicInteger> exchangesByRef) {
        Stream<DynamicTest> cases = cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            if (c.before() != null) {
                assertThat(c.before().send()).as("status of what prepares '%s'", c.name()).isEqualTo(200);
            }
            int before = caseExchanges.get();
            assertThat(c.sender().send()).as("status of '%s' on %s", c.name(), engine.label())
                    .isEqualTo(c.statusOn(engine));
            assertThat(caseExchanges.get() - before).as("exchanges made by '%s'", c.name())
                    .isEqualTo(c.exchangeOn(engine) ? 1 : 0);
            goodDelivery.send();
        }));
        Stream<DynamicTest> last = Stream.of(DynamicTest.dynamicTest("every good delivery arrived exactly once",
                () -> {
                    assertThat(goodSent.get()).isGreaterThanOrEqualTo(40);
                    for (int i = 1; i <= goodSent.get(); i++) {
                        assertThat(exchangesByRef.get(GOOD + i)).as("exchanges for good delivery %s", i).hasValue(1);
                    }
                }));
        return Stream.concat(cases, last);
    }

    /**
     * The route both suites send to: counts every exchange by entity reference, and in {@code caseExchanges} those
     * the cases themselves made (all but the good deliveries).
     */
    public static RouteBuilder route(Map<String, AtomicInteger> exchangesByRef, AtomicInteger caseExchanges) {
        return route(exchangesByRef, caseExchanges, "");
    }

    /**
     * The same route with more endpoint options ({@code &name=value...}), e.g. its own {@code webhookExternalUrl}
     * where the application sets one for the whole component.
     */
    public static RouteBuilder route(Map<String, AtomicInteger> exchangesByRef, AtomicInteger caseExchanges,
                                     String moreOptions) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("preservica-webhook:hostile?subscribe=false&trigger=INDEXED&maxBodySize=" + MAX_BODY_SIZE
                        + moreOptions)
                        .routeId("hostile")
                        .process(exchange -> {
                            String ref = exchange.getMessage().getBody(WebhookEvent.class).getEntityRef();
                            exchangesByRef.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
                            if (!ref.startsWith(GOOD)) {
                                caseExchanges.incrementAndGet();
                            }
                        });
            }
        };
    }

    /** A fresh, correctly shaped delivery whose entity reference names the case, so each accepted one is distinct. */
    public static byte[] delivery(String ref) {
        return ("{\"subscriptionId\":\"" + SUBSCRIPTION + "\",\"timestamp\":\"2023-10-11T10:52:42.469\","
                + "\"tenant\":\"TEST\",\"version\":\"7.0\",\"events\":[{\"event\":\"FullTextIndexed\","
                + "\"entityType\":\"IO\",\"entityRef\":\"" + ref + "\",\"identifiers\":[]}],"
                + "\"trigger\":\"FULL_TEXT_INDEXED\"}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] nextDelivery() {
        return delivery("hostile-" + (++counter));
    }

    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        signatureCases(cases);
        bodyCases(cases);
        framingCases(cases);
        challengeCases(cases);
        methodCases(cases);
        http2Cases(cases);
        slowClientAndReplayCases(cases);
        return cases;
    }

    private void signatureCases(List<Case> cases) {
        cases.add(new Case("signature missing", "delivery without `Preservica-Signature`", 401, false,
                "nothing proves who sent it", () -> post(nextDelivery())));
        cases.add(new Case("signature in the query string", "`?Preservica-Signature=<the right signature>`, no "
                + "header", 401, false,
                "only the HTTP header counts: platform-http would merge the query into the same header",
                () -> {
                    byte[] body = nextDelivery();
                    return post(url + "?Preservica-Signature=" + signatures.sign(body), body);
                }));
        cases.add(new Case("signature empty", "`Preservica-Signature:` with no value", 401, false,
                "nothing proves who sent it", () -> raw(nextDelivery(), "Preservica-Signature: \r\n")));
        cases.add(new Case("signature wrong", "64 hex characters that are not the HMAC", 401, false,
                "HMAC mismatch", () -> post(nextDelivery(), "Preservica-Signature", "ab".repeat(32))));
        cases.add(new Case("signed with another secret", "HMAC under a different secret", 401, false,
                "HMAC mismatch", () -> {
                    byte[] body = nextDelivery();
                    return post(body, "Preservica-Signature", new WebhookSignatures("another secret").sign(body));
                }));
        cases.add(new Case("signed without the prefix", "HMAC of the body alone, without `preservica-webhook-auth`",
                401, false, "the signed message always starts with the prefix", () -> {
                    byte[] body = nextDelivery();
                    return post(body, "Preservica-Signature", hmacHex(body));
                }));
        cases.add(new Case("signature truncated", "the right signature minus its last character", 401, false,
                "not 64 hex characters: malformed", () -> {
                    byte[] body = nextDelivery();
                    String signature = signatures.sign(body);
                    return post(body, "Preservica-Signature", signature.substring(0, 63));
                }));
        cases.add(new Case("signature truncated to whole bytes", "the right signature minus its last byte", 401,
                false, "31 bytes is not an HMAC-SHA256: malformed", () -> {
                    byte[] body = nextDelivery();
                    return post(body, "Preservica-Signature", signatures.sign(body).substring(0, 62));
                }));
        cases.add(new Case("signature in uppercase hex", "the right signature in uppercase", 200, true,
                "hex is case-insensitive: the same 32 bytes", () -> {
                    byte[] body = nextDelivery();
                    return post(body, "Preservica-Signature", signatures.sign(body).toUpperCase(Locale.ROOT));
                }));
        cases.add(new Case("signature with `sha256=` prefix", "`sha256=` + the right signature", 401, false,
                "Preservica sends bare hex; anything else is malformed", () -> {
                    byte[] body = nextDelivery();
                    return post(body, "Preservica-Signature", "sha256=" + signatures.sign(body));
                }));
        cases.add(new Case("two signature headers, right one first", "right signature, then a wrong one", 401, false,
                "ambiguous: refused rather than guessing which counts", () -> {
                    byte[] body = nextDelivery();
                    return raw(body, "Preservica-Signature: " + signatures.sign(body) + "\r\nPreservica-Signature: "
                            + "ab".repeat(32) + "\r\n");
                }));
        cases.add(new Case("two signature headers, right one last", "a wrong signature, then the right one", 401,
                false, "ambiguous: refused rather than guessing which counts", () -> {
                    byte[] body = nextDelivery();
                    return raw(body, "Preservica-Signature: " + "ab".repeat(32) + "\r\nPreservica-Signature: "
                            + signatures.sign(body) + "\r\n");
                }));
        cases.add(new Case("body changed by one byte", "signature of the original, one byte of the body changed", 401,
                false, "HMAC mismatch", () -> {
                    byte[] body = nextDelivery();
                    String signature = signatures.sign(body);
                    body[body.length - 3] ^= 1;
                    return post(body, "Preservica-Signature", signature);
                }));
        cases.add(new Case("signature of another delivery", "a genuine signature taken from a different body", 401,
                false, "HMAC mismatch", () -> {
                    String signature = signatures.sign(nextDelivery());
                    return post(nextDelivery(), "Preservica-Signature", signature);
                }));
    }

    private void bodyCases(List<Case> cases) {
        cases.add(new Case("empty body, unsigned", "no body, no signature", 401, false, "nothing proves who sent it",
                () -> post(new byte[0])));
        cases.add(new Case("empty body, signed", "no body, the signature of no bytes", 400, false,
                "genuine but not a delivery", () -> postSigned(new byte[0], "application/json")));
        cases.add(new Case("not JSON, signed", "`events=1&entityRef=x`, signed", 400, false,
                "genuine but not a delivery", () -> postSigned(utf8("events=1&entityRef=x"), "application/json")));
        cases.add(new Case("JSON that is not a delivery, signed", "`{\"hello\":\"world\"}`, signed", 400, false,
                "no `events` array", () -> postSigned(utf8("{\"hello\":\"world\"}"), "application/json")));
        cases.add(new Case("JSON array, signed", "`[1,2,3]`, signed", 400, false, "a delivery is an object",
                () -> postSigned(utf8("[1,2,3]"), "application/json")));
        cases.add(new Case("duplicate keys, signed", "a delivery with `entityRef` given twice, signed", 400, false,
                "two parsers could read two different references", () -> postSigned(utf8(new String(nextDelivery(),
                        StandardCharsets.UTF_8).replace("\"identifiers\"", "\"entityRef\":\"other\",\"identifiers\"")),
                        "application/json")));
        cases.add(new Case("deep nesting, signed", "a delivery with 5000 nested arrays in an identifier, signed", 400,
                false, "nesting is limited to 64 levels", () -> postSigned(utf8(new String(nextDelivery(),
                        StandardCharsets.UTF_8).replace("\"identifiers\":[]",
                                "\"identifiers\":" + "[".repeat(5000)
                                        + "]".repeat(5000))),
                        "application/json")));
        cases.add(new Case("non-ASCII UTF-8", "identifier `Ærøskøbing – 東京`, signed over its UTF-8 bytes", 200, true,
                "verified on the raw bytes", () -> postSigned(utf8(new String(nextDelivery(), StandardCharsets.UTF_8)
                        .replace("\"identifiers\":[]", "\"identifiers\":[{\"type\":\"title\",\"value\":"
                                + "\"Ærøskøbing – 東京\"}]")),
                        "application/json")));
        cases.add(new Case("no Content-Type", "a signed delivery without `Content-Type`", 200, true,
                "the type is not what proves anything", () -> raw(nextDelivery(), null)));
        cases.add(new Case("Content-Type text/plain with another charset",
                "a signed UTF-8 delivery labelled `text/plain; charset=ISO-8859-1`", 200, true,
                "bytes are verified as received, never re-decoded",
                () -> postSigned(utf8(new String(nextDelivery(), StandardCharsets.UTF_8).replace("\"identifiers\":[]",
                        "\"identifiers\":[{\"type\":\"title\",\"value\":\"Ærøskøbing\"}]")),
                        "text/plain; charset=ISO-8859-1")));
        cases.add(new Case("form-urlencoded delivery", "a signed delivery labelled "
                + "`application/x-www-form-urlencoded`", 200, true,
                "verified on its raw bytes, never parsed into form fields",
                () -> postSigned(nextDelivery(), "application/x-www-form-urlencoded")));
        cases.add(new Case("form fields, signed", "`entityRef=x&X-Injected=1` as "
                + "`application/x-www-form-urlencoded`, signed", 400, false,
                "not JSON; no field is echoed into the answer's headers", () -> {
                    byte[] body = utf8("entityRef=x&X-Injected=1");
                    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                            .header("Preservica-Signature", signatures.sign(body))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
                    boolean echoed = response.headers().map().keySet().stream()
                            .anyMatch(
                                    name -> name.equalsIgnoreCase("X-Injected") || name.equalsIgnoreCase("entityRef"));
                    return echoed ? 299 : response.statusCode();
                }));
        cases.add(new Case("multipart/form-data, signed", "a signed delivery labelled `multipart/form-data`", 200,
                true, "the label is ignored: the raw bytes are verified and parsed as JSON",
                () -> postSigned(nextDelivery(), "multipart/form-data; boundary=x")));
        cases.add(new Case("chunked", "a signed delivery with `Transfer-Encoding: chunked`", 200, true,
                "as pyPreservica's receiver expects Preservica to send", () -> {
                    byte[] body = nextDelivery();
                    return send(HttpRequest.newBuilder(URI.create(url))
                            .header("Preservica-Signature", signatures.sign(body))
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))))
                            .statusCode();
                }));
        cases.add(new Case("chunked in one-byte pieces", "a signed delivery sent as one-byte chunks, each flushed",
                200, true, "framing does not change the bytes", () -> {
                    byte[] body = nextDelivery();
                    try (RawHttp http = new RawHttp(port, 30_000)) {
                        http.write(RawHttp.ascii(head("Transfer-Encoding: chunked\r\nPreservica-Signature: "
                                + signatures.sign(body) + "\r\n")));
                        http.writeChunked(body, 1);
                        return http.readResponse().status();
                    }
                }));
        cases.add(new Case("over maxBodySize, Content-Length", "a signed body one byte over the limit", 413, false,
                "refused before hashing or parsing", () -> postSigned(sized(MAX_BODY_SIZE + 1), "application/json")));
        cases.add(new Case("over maxBodySize, chunked", "a signed chunked body four times the limit", 413, false,
                "refused before hashing or parsing", () -> {
                    byte[] body = sized(4 * MAX_BODY_SIZE);
                    return send(HttpRequest.newBuilder(URI.create(url))
                            .header("Preservica-Signature", signatures.sign(body))
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))))
                            .statusCode();
                }));
    }

    private void framingCases(List<Case> cases) {
        cases.add(new Case("declared Content-Length over the limit", "`Content-Length: 1000000000`, no body sent",
                413, false, "answered from the header alone, before any body is read", () -> {
                    try (RawHttp http = new RawHttp(port, 30_000)) {
                        http.write(RawHttp.ascii(head("Content-Length: 1000000000\r\nPreservica-Signature: "
                                + "ab".repeat(32) + "\r\n")));
                        return http.readResponse().status();
                    }
                }));
        cases.add(new Case("chunked body that never ends over the limit",
                "chunks past the limit, the last chunk never sent", 413, false,
                "answered as soon as the limit is passed, not when the body ends", () -> {
                    try (RawHttp http = new RawHttp(port, 30_000)) {
                        http.write(RawHttp.ascii(head("Transfer-Encoding: chunked\r\nPreservica-Signature: "
                                + "ab".repeat(32) + "\r\n")));
                        byte[] piece = new byte[1024];
                        for (int i = 0; i < 2 * MAX_BODY_SIZE / piece.length; i++) {
                            http.write(RawHttp.ascii("400\r\n"));
                            http.write(piece);
                            http.write(RawHttp.ascii("\r\n"));
                        }
                        return http.readResponse().status();
                    }
                }));
        cases.add(new Case("1 GiB chunked body", "a chunked body of 1 GiB streamed as fast as the server takes it",
                413, false, "answered once the limit is passed, the connection closed: the retained heap grows by less "
                        + "than 64 MiB (checked)",
                this::oneGibChunkedBody));
        cases.add(new Case("both Content-Length and chunked", "a signed chunked delivery that also declares "
                + "`Content-Length: 5`", 200, true,
                "chunked takes precedence (RFC 9112, section 6.3): the signature is checked on the bytes the chunks "
                        + "carry",
                () -> {
                    byte[] body = nextDelivery();
                    try (RawHttp http = new RawHttp(port, 30_000)) {
                        http.write(RawHttp.ascii(head("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"
                                + "Preservica-Signature: " + signatures.sign(body) + "\r\n")));
                        http.writeChunked(body, 64);
                        return http.readResponse().status();
                    }
                }).on(Engine.QUARKUS, 400, "Quarkus' HTTP server refuses a request that declares both, as RFC 9112 "
                        + "section 6.3 allows (a request-smuggling guard), so no exchange; "
                        + "Preservica sends one or the other"));
        cases.add(new Case("Content-Length not a number", "`Content-Length: abc`", 400, false,
                "broken framing, refused by the HTTP server", () -> RawHttp.exchange(port,
                        RawHttp.ascii("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"))));
        cases.add(new Case("invalid chunk size", "`Transfer-Encoding: chunked` with chunk size `zz`",
                RawHttp.NO_ANSWER, false, "broken framing: the HTTP server drops the connection",
                () -> RawHttp.exchange(port, RawHttp.ascii(
                        head("Transfer-Encoding: chunked\r\n") + "zz\r\nabc\r\n0\r\n\r\n")))
                .on(Engine.SPRING_BOOT, 400, "Tomcat answers broken chunk framing with 400, then closes"));
        cases.add(new Case("garbage request line", "`HELLO THERE`", 400, false,
                "not HTTP, refused by the HTTP server",
                () -> RawHttp.exchange(port, RawHttp.ascii("HELLO THERE\r\n\r\n")))
                .on(Engine.SPRING_BOOT, RawHttp.NO_STATUS_LINE, "Tomcat takes a request line without a version for "
                        + "HTTP/0.9 and sends its 400 page bare"));
    }

    private void challengeCases(List<Case> cases) {
        cases.add(new Case("challenge", "`?challengeCode=c0ffee1234`", 200, false,
                "answered as docs/protocol.md section 3 says", () -> challenge("c0ffee1234")));
        cases.add(new Case("challenge with an empty code", "`?challengeCode=`", 400, false,
                "proves nothing; Preservica always sends a code", () -> challenge("")));
        cases.add(new Case("challenge code of 1024 characters", "the longest code answered", 200, false,
                "within the limit", () -> challenge("k".repeat(WebhookSignatures.MAX_CHALLENGE_CODE_LENGTH))));
        cases.add(new Case("challenge code of 1025 characters", "one character over the limit", 400, false,
                "keeps what a stranger can make us hash and echo small",
                () -> challenge("k".repeat(WebhookSignatures.MAX_CHALLENGE_CODE_LENGTH + 1))));
        cases.add(new Case("challenge code with quotes", "code `a\"b\"c`", 200, false,
                "the answer is built by a JSON encoder and stays valid JSON", () -> challenge("a\"b\"c")));
        cases.add(new Case("challenge code with backslashes", "code `a\\b\\u0041`", 200, false,
                "the answer is built by a JSON encoder and stays valid JSON", () -> challenge("a\\b\\u0041")));
        cases.add(new Case("challenge code with line breaks", "code with CR and LF", 200, false,
                "the answer is built by a JSON encoder and stays valid JSON", () -> challenge("a\r\nb\nc")));
        cases.add(new Case("challenge code with JSON inside", "code `\",\"challengeResponse\":\"0`", 200, false,
                "cannot inject a second field", () -> challenge("\",\"challengeResponse\":\"0")));
        cases.add(new Case("challenge code given twice", "`?challengeCode=a&challengeCode=b`", 400, false,
                "ambiguous", () -> post(url + "?challengeCode=a&challengeCode=b", new byte[0])));
        cases.add(new Case("signing-oracle challenge", "code `preservica-webhook-auth{...forged delivery...}`", 400,
                false, "its answer would be the forged delivery's signature (docs/protocol.md section 5)",
                () -> challenge(WebhookSignatures.SIGNED_PREFIX + forgedDelivery())));
        cases.add(new Case("signing-oracle challenge, percent-encoded prefix",
                "code `preservica%2Dwebhook%2Dauth{...}`", 400, false, "the guard applies to the decoded code",
                () -> post(url + "?challengeCode=preservica%2Dwebhook%2Dauth"
                        + URLEncoder.encode(forgedDelivery(), StandardCharsets.UTF_8), new byte[0])));
        cases.add(new Case("forged delivery after the oracle was refused",
                "the forged delivery, with whatever the refused challenge answered as its signature", 401, false,
                "the attacker got no signature", this::forgedDeliveryAfterOracle));
        cases.add(new Case("forged delivery signed by a near-oracle answer",
                "code ` preservica-webhook-auth{...}` (leading space) is answered; its answer used as the signature",
                401, false, "the answer is the HMAC of another message, not of prefix + body",
                this::forgedDeliveryAfterNearOracle));
    }

    private void methodCases(List<Case> cases) {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            cases.add(new Case(method, method + " with a signed delivery body", 405, false, "only POST is accepted",
                    () -> {
                        byte[] body = nextDelivery();
                        return send(HttpRequest.newBuilder(URI.create(url))
                                .header("Preservica-Signature", signatures.sign(body))
                                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))).statusCode();
                    }));
        }
        for (String method : List.of("post", "Post")) {
            cases.add(new Case("`" + method + "` (not upper case)", "`" + method + "` with a signed delivery", 405,
                    false, "methods are case-sensitive (RFC 9110, section 9.1): only `POST` is accepted",
                    () -> {
                        byte[] body = nextDelivery();
                        return RawHttp.exchange(port, RawHttp.request(head("Content-Length: " + body.length
                                + "\r\nPreservica-Signature: "
                                + signatures.sign(body) + "\r\n")
                                .replaceFirst("^POST ", method + " "), body));
                    }));
        }
        cases.add(new Case("HEAD", "HEAD", 405, false, "only POST is accepted",
                () -> send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode()));
        cases.add(new Case("GET with a challenge", "`GET ?challengeCode=c0ffee1234`", 405, false,
                "challenges come as POST", () -> send(HttpRequest.newBuilder(URI.create(url
                        + "?challengeCode=c0ffee1234"))
                        .GET()).statusCode()));
    }

    private void http2Cases(List<Case> cases) {
        cases.add(new Case("h2c upgrade from java.net.http's defaults", "a signed delivery from a default "
                + "`HttpClient`, which asks a plain-HTTP "
                + "server to upgrade to HTTP/2", 200, true,
                "the upgrade is taken or cleanly declined; never a 500, which would lose the event",
                () -> {
                    byte[] body = nextDelivery();
                    return DEFAULT_HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Preservica-Signature", signatures.sign(body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
    }

    private void slowClientAndReplayCases(List<Case> cases) {
        cases.add(new Case("body dribbled slowly", "`Content-Length: 2000`, then one byte every 100 ms", 408, false,
                "cut off " + BODY_READ_TIMEOUT_MILLIS / 1000 + " s after its head arrived "
                        + "(connection closed); deliveries sent meanwhile "
                        + "are answered at once",
                () -> dribble(head("Content-Length: 2000\r\nPreservica-Signature: " + "ab".repeat(32) + "\r\n"),
                        "x", 100)));
        cases.add(new Case("headers dribbled slowly", "the request line, then one header byte every 200 ms",
                RawHttp.NO_ANSWER, false, "cut off once its head has taken longer than the request head timeout ("
                        + HEAD_TIMEOUT_MILLIS / 1000 + " s in this suite, 20 s by default); "
                        + "deliveries sent meanwhile are answered at once",
                () -> cutOffInTime(() -> dribble("POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Slow: ", "s", 200)))
                .on(Engine.SPRING_BOOT, RawHttp.STILL_OPEN, "an engine limit: Tomcat's connection-timeout bounds each "
                        + "pause, not the whole head, so a head dribbled faster "
                        + "holds its connection until its 8 KiB limit; a proxy "
                        + "with a head timeout in front closes the gap "
                        + "(deliveries sent meanwhile are still answered at once)"));
        cases.add(new Case("connection opened, nothing sent", "a TCP connection, silent", RawHttp.NO_ANSWER, false,
                "cut off by the same timeout: an open connection costs a socket even when silent",
                () -> cutOffInTime(() -> dribble("", "", 0))));
        cases.add(new Case("head over 8 KiB", "one header line growing by 512 bytes every 20 ms", 431, false,
                "the HTTP server refuses a head over 8 KiB; deliveries sent meanwhile are answered at once",
                () -> dribble("POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Slow: ", "s".repeat(512), 20))
                .on(Engine.SPRING_BOOT, 400, "Tomcat answers a head over its 8 KiB limit with 400"));
        cases.add(new Case("replay of a processed delivery", "the exact bytes and signature of a delivery already "
                + "answered 200", 200, false,
                "acknowledged as a duplicate, no second exchange", () -> {
                    byte[] body = delivery("replayed");
                    return post(body, "Preservica-Signature", signatures.sign(body));
                }, () -> {
                    byte[] body = delivery("replayed");
                    return post(body, "Preservica-Signature", signatures.sign(body));
                }));
        cases.add(new Case("replay to another trigger", "a genuine `MOVED` delivery, signed with the same secret, "
                + "sent to this `INDEXED` endpoint", 400, false,
                "the trigger is not this endpoint's: a delivery captured from another endpoint sharing the secret",
                () -> {
                    byte[] body = new String(nextDelivery(), StandardCharsets.UTF_8)
                            .replace("\"trigger\":\"FULL_TEXT_INDEXED\"", "\"trigger\":\"MOVED\"")
                            .getBytes(StandardCharsets.UTF_8);
                    return post(body, "Preservica-Signature", signatures.sign(body));
                }));
    }

    /**
     * Streams up to 1 GiB in 64 KiB chunks from one reused array on another thread and returns the status of the
     * answer; 299 instead when the whole GiB went through, or the retained heap (every pool but eden) grew by 64 MiB.
     */
    private int oneGibChunkedBody() throws Exception {
        long oneGib = 1L << 30;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")).toList();
        System.gc();
        long before = pools.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sent = new AtomicLong();
        int status;
        try (RawHttp http = new RawHttp(port, 60_000)) {
            http.write(RawHttp.ascii(head("Transfer-Encoding: chunked\r\nPreservica-Signature: " + "ab".repeat(32)
                    + "\r\n")));
            byte[] chunk = new byte[65_536];
            byte[] chunkHead = RawHttp.ascii(Integer.toHexString(chunk.length) + "\r\n");
            byte[] chunkTail = RawHttp.ascii("\r\n");
            Thread writer = new Thread(() -> {
                while (sent.get() < oneGib && http.write(chunkHead) && http.write(chunk) && http.write(chunkTail)) {
                    sent.addAndGet(chunk.length);
                }
            }, "one-gib-writer");
            writer.setDaemon(true);
            writer.start();
            status = http.readResponse().status();
            http.close();
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        long peakGrowth = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - before;
        return sent.get() >= oneGib || peakGrowth >= (64L << 20) ? 299 : status;
    }

    /** Runs a slow case, checking it was cut off by the request head timeout and not much later. */
    private static int cutOffInTime(Sender slowCase) throws Exception {
        long started = System.nanoTime();
        int status = slowCase.send();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // the timeout is checked every quarter of it; the rest is slack for a busy machine. An engine that did not
        // cut it off answers STILL_OPEN, which the case's outcome on that engine must then say
        if (status == RawHttp.NO_ANSWER && (took < HEAD_TIMEOUT_MILLIS || took > HEAD_TIMEOUT_MILLIS + 8_000)) {
            throw new AssertionError("cut off after " + took + " ms, for a request head timeout of "
                    + HEAD_TIMEOUT_MILLIS + " ms");
        }
        return status;
    }

    /**
     * Sends {@code start}, then {@code piece} (if any) every {@code intervalMillis} from another thread while three
     * good
     * deliveries are sent; returns the status the slow request gets, checking that its connection is then closed.
     */
    private int dribble(String start, String piece, long intervalMillis) throws Exception {
        try (RawHttp http = new RawHttp(port, 30_000)) {
            http.write(RawHttp.ascii(start));
            AtomicBoolean stop = new AtomicBoolean();
            Thread dribbler = new Thread(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!stop.get() && System.nanoTime() < deadline && http.write(RawHttp.ascii(piece))) {
                    try {
                        Thread.sleep(intervalMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "dribbler");
            if (!piece.isEmpty()) {
                dribbler.start();
            }
            try {
                for (int i = 0; i < 3; i++) {
                    goodDelivery.send();
                }
                int status = http.readResponse().status();
                if (status != RawHttp.STILL_OPEN && !http.closedByServer()) {
                    throw new AssertionError("the connection of the slow request was left open");
                }
                return status;
            } finally {
                stop.set(true);
                if (dribbler.isAlive()) {
                    dribbler.join(10_000);
                }
            }
        }
    }

    // the attacks

    private String forgedDelivery() {
        return new String(delivery("forged-" + (++counter)), StandardCharsets.UTF_8);
    }

    private int forgedDeliveryAfterOracle() throws Exception {
        String forged = forgedDelivery();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + "?challengeCode=" + URLEncoder
                .encode(WebhookSignatures.SIGNED_PREFIX + forged, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        String stolen = stolenSignature(answer.body());
        return stolen.isEmpty() ? post(utf8(forged)) : post(utf8(forged), "Preservica-Signature", stolen);
    }

    private int forgedDeliveryAfterNearOracle() throws Exception {
        String forged = forgedDelivery();
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + "?challengeCode=" + URLEncoder
                .encode(" " + WebhookSignatures.SIGNED_PREFIX + forged, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() != 200) {
            throw new AssertionError("the near-oracle challenge should be answered, got " + answer.statusCode());
        }
        return post(utf8(forged), "Preservica-Signature", stolenSignature(answer.body()));
    }

    private static String stolenSignature(String answer) {
        try {
            JsonNode json = JSON.readTree(answer);
            return json != null && json.hasNonNull("challengeResponse") ? json.get("challengeResponse").asText() : "";
        } catch (Exception e) {
            return "";
        }
    }

    /** Sends a challenge and checks its answer as Preservica would: valid JSON, the code echoed, the HMAC right. */
    private int challenge(String code) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url + "?challengeCode="
                + URLEncoder.encode(code,
                        StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 200) {
            JsonNode answer = JSON.readTree(response.body());
            String expected = hmacHex(code.getBytes(StandardCharsets.UTF_8), new byte[0]);
            if (answer.size() != 2 || !code.equals(answer.path("challengeCode").asText(null))
                    || !expected.equals(answer.path("challengeResponse").asText(null))) {
                throw new AssertionError("wrong challenge answer for code " + code + ": " + response.body());
            }
        }
        return response.statusCode();
    }

    // sending

    private String head(String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + LOOPBACK + ":" + port
                + "\r\nConnection: close\r\n" + extraHeaders + "\r\n";
    }

    /** A raw POST with Content-Length, the given extra header lines, and Content-Type only if contentType given. */
    private int raw(byte[] body, String extraHeaders) throws Exception {
        String headers = "Content-Length: " + body.length + "\r\n" + (extraHeaders == null
                ? "Preservica-Signature: " + signatures.sign(body) + "\r\n"
                : extraHeaders);
        return RawHttp.exchange(port, RawHttp.request(head(headers), body));
    }

    private int post(byte[] body, String... headers) throws Exception {
        return post(url, body, headers);
    }

    private int post(String target, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request).statusCode();
    }

    private int postSigned(byte[] body, String contentType) throws Exception {
        return post(body, "Preservica-Signature", signatures.sign(body), "Content-Type", contentType);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A genuine-looking delivery padded to exactly {@code size} bytes. */
    private byte[] sized(int size) {
        byte[] start = nextDelivery();
        String text = new String(start, StandardCharsets.UTF_8);
        String padding = "p".repeat(Math.max(0, size - start.length - 9));
        return utf8(text.replace("\"identifiers\":[]", "\"identifiers\":[],\"pad\":\"" + padding + "\""));
    }

    /** HMAC-SHA256 of the parts, with the secret, in lowercase hex: what a signer without the prefix computes. */
    private String hmacHex(byte[]... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (byte[] part : parts) {
            mac.update(part);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
