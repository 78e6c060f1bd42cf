package io.github.camelpreservica.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.benchmarks.delivery.SignedDelivery;
import io.github.camelpreservica.delivery.DeliveryParser;
import io.github.camelpreservica.delivery.InvalidDeliveryException;
import io.github.camelpreservica.delivery.WebhookDelivery;
import io.github.camelpreservica.signing.WebhookSignatures;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The component's pure per-delivery work, without Camel or HTTP: check the signature of the raw bytes, then parse
 * them. With {@code -prof gc}, {@code gc.alloc.rate.norm} is what one delivery costs in garbage.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureAndParseBenchmark {

    private static final String SECRET = "jmh-benchmark-secret";

    @Param({ "1024", "65536" })
    public int bodyBytes;

    private WebhookSignatures signatures;
    private DeliveryParser parser;
    private byte[] body;
    private String signature;

    @Setup
    public void prepare() {
        SignedDelivery delivery = SignedDelivery.ofSize(bodyBytes, SECRET);
        body = delivery.body();
        signature = delivery.signature();
        signatures = new WebhookSignatures(SECRET);
        parser = new DeliveryParser();
    }

    @Benchmark
    public boolean verify() {
        return signatures.verify(body, signature);
    }

    @Benchmark
    public WebhookDelivery verifyAndParse() throws InvalidDeliveryException {
        if (!signatures.verify(body, signature)) {
            throw new IllegalStateException("The benchmark's own delivery failed verification");
        }
        return parser.parse(body);
    }
}
