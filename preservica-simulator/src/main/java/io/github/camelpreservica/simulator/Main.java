package io.github.camelpreservica.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone:
 * {@code java -jar preservica-simulator.jar --port 9000 --username admin --password secret --tenant TEST}.
 */
public final class Main {

    private static final String USAGE = """
            Usage: java -jar preservica-simulator.jar [options]
              --host <address>          address to bind (default 127.0.0.1)
              --port <port>             port to bind, 0 for any free port (default 9000)
              --username <name>         API user (default admin)
              --password <password>     its password (default secret)
              --tenant <tenant>         its tenant (default TEST)
              --two-factor-seed <seed>  require a TOTP code (Base32 seed) after the password
              --token-lifetime <time>   access token lifetime, e.g. 15m, 30s (default 15m)
              --version <x.y.z>         Preservica version to report (default 7.0.0)
              --demo-events <time>      fire FULL_TEXT_INDEXED for a demo asset every <time>, e.g. 5s
              --no-demo-assets          start without the demo folder and assets
              --receiver-down <what>    drop, retry or queue a delivery the receiver does not accept (default drop)
              --help                    show this help
            Admin API (no auth): POST /simulator/events, GET /simulator/subscriptions, GET /simulator/deliveries,
              GET /simulator/requests, POST /simulator/faults, POST /simulator/tokens/expire,
              POST /simulator/assets, POST /simulator/reset. See docs/simulator.md.
            """;

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        // before the first logger is created: one timestamped line per request, on stdout
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
        System.setProperty("java.awt.headless", "true");
        PreservicaSimulator simulator;
        try {
            simulator = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (simulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            stopped.countDown();
        }, "preservica-simulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses the arguments and starts a simulator; null when only the help was asked for.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    static PreservicaSimulator launch(String[] args, PrintStream out) {
        PreservicaSimulator.Builder builder = PreservicaSimulator.builder().port(9000);
        String userName = "admin";
        String password = "secret";
        String tenant = "TEST";
        String seed = null;
        Duration demoEvents = null;
        ReceiverDown receiverDown = ReceiverDown.DROP;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--no-demo-assets" -> builder.demoAssets(false);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("Missing value after " + option);
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--host" -> builder.host(value);
                        case "--port" -> builder.port(parsePort(value));
                        case "--username" -> userName = value;
                        case "--password" -> password = value;
                        case "--tenant" -> tenant = value;
                        case "--two-factor-seed" -> seed = value;
                        case "--token-lifetime" -> builder.tokenLifetime(parseDuration(option, value));
                        case "--version" -> builder.version(value);
                        case "--demo-events" -> demoEvents = parseDuration(option, value);
                        case "--receiver-down" -> receiverDown = ReceiverDown.parse(value);
                        default -> throw new IllegalArgumentException("Unknown option " + option);
                    }
                }
            }
        }
        builder.user(userName, password, tenant);
        if (seed != null) {
            builder.twoFactorSeed(userName, seed);
        }
        PreservicaSimulator simulator = builder.build().start();
        simulator.receiverDown(receiverDown, Duration.ofMillis(500), 8);
        if (demoEvents != null) {
            simulator.startDemoEvents(demoEvents);
        }
        out.println("Preservica simulator " + simulator.version() + " listening on " + simulator.baseUrl()
                + " (user '" + userName + "', tenant '" + tenant + "'"
                + (demoEvents != null ? ", demo events every " + demoEvents.toMillis() + " ms" : "") + ")");
        return simulator;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs a number from 0 to 65535, got '" + value + "'");
    }

    /** Accepts {@code 500ms}, {@code 30s}, {@code 15m}, {@code 1h}; a bare number means seconds. */
    static Duration parseDuration(String option, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            long amount = Long.parseLong(text.replaceAll("[smh]$", ""));
            return switch (text.charAt(text.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(option + " needs a duration such as 30s, 15m or 500ms, got '"
                    + value + "'");
        }
    }
}
