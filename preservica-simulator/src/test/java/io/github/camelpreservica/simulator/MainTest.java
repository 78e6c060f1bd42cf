package io.github.camelpreservica.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone entry point, started in-process. */
class MainTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void startsWithGivenCredentialsOnAFreePort() {
        PreservicaSimulator sim = Main.launch(new String[]{ "--port", "0", "--username", "ops", "--password", "pw",
                "--tenant", "ACME", "--token-lifetime", "30s" }, out);
        try {
            ApiClient api = new ApiClient(sim.baseUrl());
            String token = api.login("ops", "pw", "ACME");
            assertEquals(200, api.get("/api/user/details", token).statusCode());
            assertTrue(output.toString(StandardCharsets.UTF_8).contains(sim.baseUrl()));
            assertTrue(!output.toString(StandardCharsets.UTF_8).contains("pw'"), "the password is not printed");
        } finally {
            sim.close();
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        assertNull(Main.launch(new String[]{ "--help" }, out));
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("--demo-events"));
    }

    @Test
    void unknownOptionIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.launch(new String[]{ "--colour", "red" }, out));
        assertTrue(e.getMessage().contains("--colour"));
    }

    @Test
    void durationsAcceptSecondsMinutesAndMillis() {
        assertEquals(Duration.ofSeconds(30), Main.parseDuration("--x", "30s"));
        assertEquals(Duration.ofMinutes(15), Main.parseDuration("--x", "15m"));
        assertEquals(Duration.ofMillis(500), Main.parseDuration("--x", "500ms"));
        assertThrows(IllegalArgumentException.class, () -> Main.parseDuration("--x", "soon"));
    }
}
