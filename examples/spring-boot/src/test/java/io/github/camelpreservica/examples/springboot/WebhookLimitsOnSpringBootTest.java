package io.github.camelpreservica.examples.springboot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.github.camelpreservica.simulator.PreservicaSimulator;
import io.github.camelpreservica.testing.FreePorts;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's limits hold under Spring Boot, where Camel's servlet binding would otherwise read the whole body
 * into memory before the route runs: the starter's servlet filter refuses first. The server runs in this JVM, so the
 * heap measured here is the server's.
 */
@CamelSpringBootTest
@SpringBootTest(classes = PreservicaEventsApplication.class,
                webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookLimitsOnSpringBootTest {

    private static final String SECRET = "spring-boot-limits-test-secret";
    private static final String PATH = "/preservica/events";
    private static final long ONE_GIB = 1L << 30;
    private static final long SIXTY_FOUR_MIB = 64L << 20;

    private static PreservicaSimulator simulator;
    private static int serverPort;

    @DynamicPropertySource
    static void pointTheApplicationAtTheSimulator(DynamicPropertyRegistry registry) {
        simulator = PreservicaSimulator.builder().port(0).user("admin", "secret", "TEST").build().start();
        serverPort = FreePorts.next();
        SimulatedPreservicaProperties.register(registry, simulator, serverPort, SECRET);
        registry.add("camel.component.preservica-webhook.webhook-external-url",
                () -> "http://127.0.0.1:" + serverPort + PATH);
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void oneGibChunkedBodyIsRefusedWith413WithoutGrowingTheHeap() throws Exception {
        List<MemoryPoolMXBean> pools = retainedHeapPools();
        System.gc();
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);

        AtomicLong sent = new AtomicLong();
        int status;
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Preservica-Signature: " + "ab".repeat(32) + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> streamChunks(out, sent));
            status = statusOf(socket);
            writer.cancel(true);
        }
        long peakGrowth = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;

        assertThat(status).isEqualTo(413);
        assertThat(sent.get()).as("bytes streamed before the answer").isLessThan(ONE_GIB);
        assertThat(peakGrowth).as("growth of the retained heap (all pools but eden) while the body was sent")
                .isLessThan(SIXTY_FOUR_MIB);
    }

    @Test
    void declaredContentLengthOverTheLimitIsRefusedWith413() throws Exception {
        assertThat(rawStatus("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n"))
                .isEqualTo(413);
    }

    @Test
    void lowerCasePostIsRefusedWith405() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(rawStatus("post " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length
                + "\r\nPreservica-Signature: " + new WebhookSignatures(SECRET).sign(body)
                + "\r\n\r\n{}")).isEqualTo(405);
    }

    @Test
    void getIsRefusedWith405() throws Exception {
        assertThat(rawStatus("GET " + PATH + " HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(405);
    }

    @Test
    void bodyDribbledSlowerThanTheReadTimeoutIsRefusedWith408() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> dribbler = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the server answered and closed: stop
                }
            });
            int status = statusOf(socket);
            dribbler.cancel(true);
            assertThat(status).isEqualTo(408);
        }
    }

    @Test
    void signatureInTheQueryStringIsNotASignature() throws Exception {
        String subscriptionId = simulator.subscriptions().get(0).id();
        byte[] body = ("{\"subscriptionId\":\"" + subscriptionId
                + "\",\"timestamp\":\"2023-10-11T10:52:42.469\",\"tenant\":\"TEST\","
                + "\"version\":\"7.0\",\"events\":[{\"event\":\"FullTextIndexed\",\"entityType\":\"IO\","
                + "\"entityRef\":\"query-string\",\"identifiers\":[]}],\"trigger\":\"FULL_TEXT_INDEXED\"}")
                .getBytes(StandardCharsets.UTF_8);
        String signature = new WebhookSignatures(SECRET).sign(body);
        assertThat(rawStatus("POST " + PATH + "?Preservica-Signature=" + signature + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8))).isEqualTo(401);
    }

    @Test
    void deliveryFromTheDefaultJavaClientAskingForAnH2cUpgradeIsDelivered() throws Exception {
        byte[] body = delivery("h2c-upgrade");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + serverPort + PATH))
                .timeout(java.time.Duration.ofSeconds(30))
                .header("Preservica-Signature", new WebhookSignatures(SECRET).sign(body))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        // Tomcat without HTTP/2 configured declines the upgrade by answering over HTTP/1.1
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static byte[] delivery(String ref) {
        return ("{\"subscriptionId\":\"" + simulator.subscriptions().get(0).id() + "\",\"timestamp\":"
                + "\"2023-10-11T10:52:42.469\",\"tenant\":\"TEST\",\"version\":\"7.0\",\"events\":[{\"event\":"
                + "\"FullTextIndexed\",\"entityType\":\"IO\",\"entityRef\":\"" + ref + "\",\"identifiers\":[]}],"
                + "\"trigger\":\"FULL_TEXT_INDEXED\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Streams up to 1 GiB in 64 KiB chunks from one reused array, stopping when the server stops reading. */
    private static void streamChunks(OutputStream out, AtomicLong sent) {
        byte[] chunk = new byte[65_536];
        Arrays.fill(chunk, (byte) 'a');
        byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\n".getBytes(StandardCharsets.US_ASCII);
        try {
            while (sent.get() < ONE_GIB && !Thread.currentThread().isInterrupted()) {
                out.write(head);
                out.write(chunk);
                out.write(tail);
                sent.addAndGet(chunk.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the server answered and closed the connection: what we wanted
        }
    }

    private static int rawStatus(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return statusOf(socket);
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), serverPort);
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
        return socket;
    }

    private static int statusOf(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        String statusLine = in.readLine();
        assertThat(statusLine).as("status line").isNotNull();
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    /** The heap pools that hold what survives a collection: a body held whole lands there, garbage does not. */
    private static List<MemoryPoolMXBean> retainedHeapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && !p.getName().contains("Eden"))
                .toList();
    }
}
