package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** A plain HTTP client for the tests, calling the simulator the way a Preservica client would. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<byte[]> postForm(String path, String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(body)));
    }

    /** Logs in and returns the access token; fails the test when the login does not succeed. */
    String login(String user, String password, String tenant) {
        HttpResponse<byte[]> response = postForm("/api/accesstoken/login", "username", user, "password", password,
                "tenant", tenant);
        if (response.statusCode() != 200) {
            throw new AssertionError("login failed with " + response.statusCode() + ": " + text(response));
        }
        return json(response).get("token").asText();
    }

    HttpResponse<byte[]> get(String path, String token) {
        return send(request(path, token).GET());
    }

    HttpResponse<byte[]> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    HttpResponse<byte[]> postJson(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json)));
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return HttpExchanges.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Preservica-Access-Token", token);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
