package io.github.camelpreservica.benchmarks;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import io.github.camelpreservica.benchmarks.catchup.CatchUpBenchmark;
import io.github.camelpreservica.benchmarks.delivery.DeliveryCheck;
import io.github.camelpreservica.benchmarks.delivery.SignedDelivery;
import io.github.camelpreservica.benchmarks.report.AllocationSites;
import io.github.camelpreservica.benchmarks.report.JmhResults;
import io.github.camelpreservica.benchmarks.report.LoadResults;
import io.github.camelpreservica.benchmarks.report.ResultsReport;
import io.github.camelpreservica.benchmarks.report.ThroughputChart;
import io.github.camelpreservica.benchmarks.server.BaselineRoute;
import io.github.camelpreservica.benchmarks.server.BenchmarkServer;
import io.github.camelpreservica.benchmarks.server.ReceiverRoute;
import io.github.camelpreservica.benchmarks.startup.StartupBenchmark;
import io.github.camelpreservica.vertx.HeaderTimeoutMainHttpServerFactory;

/** The one entry point of benchmarks.jar: {@code java -jar benchmarks.jar <command> [options]}. */
public final class BenchmarksMain {

    private static final String USAGE = String.join("\n",
            "usage: java -jar benchmarks.jar <command> [options]",
            "  receiver --port 8090 --secret S   preservica-webhook route (receive-only) at /hook on 127.0.0.1",
            "  baseline --port 8091              bare platform-http route at /hook on 127.0.0.1",
            "  deliveries --size 1024 --count 30000 --secret S --out FILE",
            "                                    writes distinct signed deliveries of that size for wrk",
            "  check --url URL --secret S [--size 1024] [--verifies]",
            "                                    posts one chunked signed delivery (must get 2xx); with --verifies",
            "                                    also a tampered one (must be refused)",
            "  report --results DIR --markdown FILE --chart FILE [--jmh JMH_JSON] [--allocations JFR]",
            "                                    turns run.sh's measurements into a table and an SVG chart",
            "  jmh [JMH options]                 per-delivery JMH benchmarks, e.g. jmh -prof gc",
            "  allocation-sites --jfr FILE       where a JFR recording (e.g. JMH -prof jfr) allocated, by call site",
            "  catch-up --changes 10000 --page-size 100",
            "                                    one catch-up round over that many changes of an in-process",
            "                                    simulator: time, heap, allocation per change (Markdown row)",
            "  startup --label L [--runs 5] [--log FILE] -- COMMAND...",
            "                                    launches COMMAND against a simulator (env as the examples read it):",
            "                                    time to subscribed, to the first 200, resident memory (startup.sh)",
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
                case "deliveries" -> deliveries(new Arguments(rest, Set.of()));
                case "check" -> System.exit(check(new Arguments(rest, Set.of("verifies"))));
                case "report" -> report(new Arguments(rest, Set.of()));
                case "allocation-sites" -> System.out.print(
                        AllocationSites.read(Path.of(new Arguments(rest, Set.of()).required("jfr"))).markdown(10));
                case "jmh" -> org.openjdk.jmh.Main.main(rest.toArray(String[]::new));
                case "catch-up" -> catchUp(new Arguments(rest, Set.of()));
                case "startup" -> startup(rest);
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

    private static void catchUp(Arguments arguments) throws Exception {
        CatchUpBenchmark.Result result = CatchUpBenchmark.run(arguments.integer("changes", 10_000),
                arguments.integer("page-size", 100));
        System.out.println(CatchUpBenchmark.HEADER);
        System.out.println(result.markdownRow());
    }

    private static void startup(List<String> args) throws Exception {
        int separator = args.indexOf("--");
        if (separator < 0 || separator == args.size() - 1) {
            throw new IllegalArgumentException("startup needs the command to run after --");
        }
        Arguments arguments = new Arguments(args.subList(0, separator), Set.of());
        List<String> command = args.subList(separator + 1, args.size());
        Path log = Path.of(arguments.optional("log", "benchmarks/target/startup.log"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<StartupBenchmark.Run> runs = StartupBenchmark.measure(command, arguments.integer("runs", 5), log);
        System.out.println(StartupBenchmark.markdownRow(arguments.required("label"), runs));
    }

    private static void receiver(Arguments arguments) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("bench.secret", arguments.secret());
        // as deployed: the embedded server with the request head timeout (its cost is part of the receiver's)
        properties.setProperty("camel.beans.httpServerFactory",
                "#class:" + HeaderTimeoutMainHttpServerFactory.class.getName());
        BenchmarkServer.run("receiver", new ReceiverRoute(BenchmarkServer.PATH), arguments.integer("port", 8090),
                properties);
    }

    private static void baseline(Arguments arguments) throws Exception {
        BenchmarkServer.run("baseline", new BaselineRoute(BenchmarkServer.PATH), arguments.integer("port", 8091),
                new Properties());
    }

    /** One delivery a line, signature then a tab then the body (compact JSON has no line breaks). */
    private static void deliveries(Arguments arguments) throws Exception {
        int size = arguments.integer("size", 1024);
        int count = arguments.integer("count", 30_000);
        String secret = arguments.secret();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(arguments.required("out"))))) {
            for (int variant = 0; variant < count; variant++) {
                SignedDelivery delivery = SignedDelivery.ofSize(size, variant, secret);
                out.write(delivery.signature().getBytes(StandardCharsets.US_ASCII));
                out.write('\t');
                out.write(delivery.body());
                out.write('\n');
            }
        }
    }

    private static int check(Arguments arguments) throws Exception {
        URI url = URI.create(arguments.required("url"));
        SignedDelivery delivery = SignedDelivery.ofSize(arguments.integer("size", 1024), arguments.secret());
        DeliveryCheck check = new DeliveryCheck(url);
        int signed = check.post(delivery.body(), delivery.signature());
        System.out.println(
                url + " answered " + signed + " to a signed chunked delivery of " + delivery.size() + " bytes");
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
        if (arguments.has("allocations")) {
            table += "\n## Where one 1 KB delivery's garbage comes from (JMH -prof jfr, whole consumer request)\n\n"
                    + AllocationSites.read(Path.of(arguments.required("allocations"))).markdown(10);
        }
        Files.writeString(markdown, table);
        System.out.println(table);
    }
}
