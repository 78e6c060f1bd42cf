package io.github.camelpreservica.benchmarks.jmh;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.benchmarks.delivery.SignedDelivery;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One delivery through the real preservica-webhook consumer, as platform-http hands it over (a streamed body and
 * the request headers): read the body, verify, parse, map the headers, route to a no-op processor, set the answer.
 * {@link #bareRouteReadsBody} is the same exchange read the way the baseline route reads it, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookRequestBenchmark {

    private static final String SECRET = "jmh-benchmark-secret";

    @Param({ "1024", "65536" })
    public int bodyBytes;

    private CamelContext context;
    private Processor handler;
    private byte[] body;
    private String signature;

    @Setup
    public void start() throws Exception {
        SignedDelivery delivery = SignedDelivery.ofSize(bodyBytes, SECRET);
        body = delivery.body();
        signature = delivery.signature();

        CapturingHttpEngine engine = new CapturingHttpEngine();
        context = new DefaultCamelContext();
        context.getComponent("platform-http", PlatformHttpComponent.class).setEngine(engine);
        context.getRegistry().bind("forgetful", new ForgetfulRepository());
        context.getPropertiesComponent().addInitialProperty("bench.secret", SECRET);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // no server here, so no port to derive a URL from: the consumer wants one even when it never subscribes
                from("preservica-webhook:bench?subscribe=false&webhookPath=/hook&secret=RAW({{bench.secret}})"
                        + "&idempotentRepository=#forgetful&webhookExternalUrl=http://127.0.0.1/hook")
                        .process(exchange -> {
                            // the route's own work is not what is measured
                        });
            }
        });
        context.start();
        handler = engine.processor();
    }

    @TearDown
    public void stop() {
        context.stop();
    }

    private Exchange request() {
        Exchange exchange = new DefaultExchange(context);
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.HTTP_PATH, "/hook");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setHeader("Transfer-Encoding", "chunked");
        message.setHeader("Preservica-Signature", signature);
        message.setBody(new ByteArrayInputStream(body));
        return exchange;
    }

    @Benchmark
    public Object webhookConsumerHandlesDelivery() throws Exception {
        Exchange exchange = request();
        handler.process(exchange);
        Object status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        if (!Integer.valueOf(200).equals(status)) {
            throw new IllegalStateException("The consumer answered " + status + " to a valid delivery");
        }
        return status;
    }

    @Benchmark
    public Object bareRouteReadsBody() {
        Exchange exchange = request();
        byte[] read = exchange.getMessage().getBody(byte[].class);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setBody("");
        return read;
    }
}
