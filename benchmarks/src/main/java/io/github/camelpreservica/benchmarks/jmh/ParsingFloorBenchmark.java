package io.github.camelpreservica.benchmarks.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.benchmarks.delivery.SignedDelivery;
import io.github.camelpreservica.delivery.DeliveryParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where parsing's cost comes from, to explain {@link SignatureAndParseBenchmark#verifyAndParse}: the JSON tree alone
 * (the first step of DeliveryParser, with its own mapper and limits), and one pass over the tokens that reads
 * every string value, which is about the least any parser of the same bytes can allocate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParsingFloorBenchmark {

    @Param({ "1024", "65536" })
    public int bodyBytes;

    private ObjectMapper mapper;
    private byte[] body;

    @Setup
    public void prepare() {
        body = SignedDelivery.ofSize(bodyBytes, "jmh-benchmark-secret").body();
        mapper = new DeliveryParser().objectMapper();
    }

    @Benchmark
    public JsonNode treeOnly() throws IOException {
        return mapper.readTree(body);
    }

    @Benchmark
    public int tokensWithStringValues() throws IOException {
        int length = 0;
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    length += parser.getText().length();
                }
            }
        }
        return length;
    }
}
