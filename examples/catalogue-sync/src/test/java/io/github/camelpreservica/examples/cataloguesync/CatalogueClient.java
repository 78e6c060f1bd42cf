package io.github.camelpreservica.examples.cataloguesync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the running example's HTTP pages over loopback, as a user's browser or script would. */
final class CatalogueClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    CatalogueClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    HttpResponse<byte[]> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /catalogue}, keyed by reference. */
    Map<String, JsonNode> catalogue() {
        HttpResponse<byte[]> response = get("/catalogue");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /catalogue answered " + response.statusCode());
        }
        try {
            Map<String, JsonNode> byRef = new LinkedHashMap<>();
            JSON.readTree(response.body()).forEach(entity -> byRef.put(entity.path("ref").asText(), entity));
            return byRef;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
