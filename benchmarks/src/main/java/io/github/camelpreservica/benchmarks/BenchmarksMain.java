package io.github.camelpreservica.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.github.camelpreservica.benchmarks.delivery.DeliveryCheck;
import io.github.camelpreservica.benchmarks.delivery.SignedDelivery;
import io.github.camelpreservica.benchmarks.report.JmhResults;
import io.github.camelpreservica.benchmarks.report.LoadResults;
import io.github.camelpreservica.benchmarks.report.ResultsReport;
import io.github.camelpreservica.benchmarks.report.ThroughputChart;
import io.github.camelpreservica.benchmarks.server.BaselineRoute;
import io.github.camelpreservica.benchmarks.server.BenchmarkServer;
import io.github.camelpreservica.benchmarks.server.ReceiverRoute;

/** The one entry point of benchmarks.jar: {@code java -jar benchmarks.jar <command> [options]}. */
public final class BenchmarksMain {

    private static final String USAGE = String.join("\n",
            "usage: java -jar benchmarks.jar <command> [options]",
            "  receiver --port 8090 --secret S   preservica-webhook route (receive-only) at /hook on 127.0.0.1",
            "  baseline --port 8091              bare platform-http route at /hook on 127.0.0.1",
            "  delivery --size 1024 --secret S --out FILE",
            "                                    writes a delivery body of that size, prints its signature",
            "  check --url URL --secret S [--size 1024] [--verifies]",
            "                                    posts one chunked signed delivery (must get 2xx); with --verifies",
            "                                    also a tampered one (must be refused)",
            "  report --results DIR --markdown FILE --chart FILE [--jmh JMH_JSON]",
            "                                    turns run.sh's measurements into a table and an SVG chart",
            "  jmh [JMH options]                 per-delivery JMH benchmarks, e.g. jmh -prof gc",
            "The secret may come from PRESERVICA_WEBHOOK_SECRET instead of --secret.");

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "receiver" -> receiver(new Arguments(rest, Set.of()));
                case "baseline" -> baseline(new Arguments(rest, Set.of()));
                case "delivery" -> delivery(new Arguments(rest, Set.of()));
                case "check" -> System.exit(check(new Arguments(rest, Set.of("verifies"))));
                case "report" -> report(new Arguments(rest, Set.of()));
                case "jmh" -> org.openjdk.jmh.Main.main(rest.toArray(String[]::new));
                default -> {
                    System.err.println("Unknown command '" + args[0] + "'\n" + USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
    }

    private static void receiver(Arguments arguments) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("bench.secret", arguments.secret());
        BenchmarkServer.run("receiver", new ReceiverRoute(BenchmarkServer.PATH), arguments.integer("port", 8090),
                properties);
    }

    private static void baseline(Arguments arguments) throws Exception {
        BenchmarkServer.run("baseline", new BaselineRoute(BenchmarkServer.PATH), arguments.integer("port", 8091),
                new Properties());
    }

    private static void delivery(Arguments arguments) throws Exception {
        SignedDelivery delivery = SignedDelivery.ofSize(arguments.integer("size", 1024), arguments.secret());
        Files.write(Path.of(arguments.required("out")), delivery.body());
        System.out.println(delivery.signature());
    }

    private static int check(Arguments arguments) throws Exception {
        URI url = URI.create(arguments.required("url"));
        SignedDelivery delivery = SignedDelivery.ofSize(arguments.integer("size", 1024), arguments.secret());
        DeliveryCheck check = new DeliveryCheck(url);
        int signed = check.post(delivery.body(), delivery.signature());
        System.out.println(url + " answered " + signed + " to a signed chunked delivery of " + delivery.size() + " bytes");
        if (signed < 200 || signed > 299) {
            return 1;
        }
        if (arguments.flag("verifies")) {
            int tampered = check.post(DeliveryCheck.tampered(delivery.body()), delivery.signature());
            System.out.println(url + " answered " + tampered + " to the same delivery with one byte changed");
            if (tampered >= 200 && tampered <= 299) {
                return 1;
            }
        }
        return 0;
    }

    private static void report(Arguments arguments) throws Exception {
        LoadResults results = LoadResults.read(Path.of(arguments.required("results")));
        Path markdown = Path.of(arguments.required("markdown"));
        Path chart = Path.of(arguments.required("chart"));
        Files.writeString(chart, new ThroughputChart(results).svg());
        Optional<JmhResults> jmh = arguments.has("jmh")
                ? Optional.of(JmhResults.read(Path.of(arguments.required("jmh"))))
                : Optional.empty();
        String table = new ResultsReport(results, markdown.toAbsolutePath().getParent()
                .relativize(chart.toAbsolutePath()).toString(), jmh).markdown();
        Files.writeString(markdown, table);
        System.out.println(table);
    }
}
