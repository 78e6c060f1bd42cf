package io.github.camelpreservica.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client for Preservica's REST API: webhook subscriptions, assets and thumbnails, with login, token refresh and
 * retries handled inside (see {@link PreservicaHttp} for the transport and its retry rules, and
 * {@link AccessTokenSession} for the token). Thread-safe; one instance may be shared by many routes. Knows nothing of
 * Camel.
 * <p>
 * HTTP goes through the JDK's {@link java.net.http.HttpClient}: it needs no dependency to align in Karaf, Quarkus or
 * Spring Boot, is thread-safe, speaks HTTP/1.1 and 2 (HTTP/1.1 is forced, as Preservica documents it), and has the
 * connect timeout and per-request timeout built in.
 * <p>
 * Longer than most classes here on purpose: it is the one facade over every Preservica call a route makes (one short
 * method a call, each naming its request), so that users of the client meet a single type; the transport, the token,
 * the XML reading and the change queries live in their own classes.
 */
public final class PreservicaClient implements AutoCloseable {

    /** Any one of these lets a user manage webhooks (docs/protocol.md, introduction; the last from Preservica 8.1). */
    public static final List<String> WEBHOOK_ROLES = List.of("ROLE_SDB_MANAGER_USER", "ROLE_SDB_ADMIN_USER",
            "ROLE_SDB_CONFIG_MANAGER_USER");

    static final String VERSION_PATH = "/api/entity/versiondetails/version";
    static final String USER_DETAILS_PATH = "/api/user/details";
    static final String SUBSCRIPTIONS_PATH = "/api/webhook/subscriptions";
    static final String ASSET_PATH = "/api/entity/information-objects/";
    static final String FOLDER_PATH = "/api/entity/structural-objects/";
    static final String THUMBNAIL_PATH = "/api/content/thumbnail";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(PreservicaClient.class);

    private final PreservicaClientConfig config;
    private final PreservicaHttp http;
    private final AccessTokenSession session;
    private final PreservicaFailures failures;
    private final EntityChanges changes = new EntityChanges(this);
    private volatile boolean closed;

    public PreservicaClient(PreservicaClientConfig config) {
        this(config, Clock.systemUTC());
    }

    PreservicaClient(PreservicaClientConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = new PreservicaHttp(config);
        this.session = new AccessTokenSession(config, http, JSON, clock);
        this.failures = new PreservicaFailures(session);
    }

    public PreservicaClientConfig config() {
        return config;
    }

    /** The tenant given in the configuration, or the one Preservica named at the first login. */
    public Optional<String> tenant() {
        return Optional.ofNullable(session.tenant());
    }

    /** The server's version, e.g. {@code 7.0.0}. */
    public String serverVersion() {
        PreservicaRequest request = PreservicaRequest.get(VERSION_PATH);
        byte[] body = expectSuccess(request, null).body();
        try {
            return XipReader.readCurrentVersion(body);
        } catch (IllegalArgumentException e) {
            throw failures.unexpectedAnswer(request, e.getMessage());
        }
    }

    /** The roles of the configured user, from {@code /api/user/details}. */
    public List<String> roles() {
        PreservicaRequest request = PreservicaRequest.get(USER_DETAILS_PATH);
        JsonNode roles = readJson(request, expectSuccess(request, null)).get("roles");
        if (roles == null || !roles.isArray()) {
            throw failures.unexpectedAnswer(request, "no \"roles\" array");
        }
        List<String> names = new ArrayList<>();
        roles.forEach(role -> names.add(role.asText()));
        return Collections.unmodifiableList(names);
    }

    /** @throws PreservicaAccessDeniedException if the user has none of the {@link #WEBHOOK_ROLES} */
    public void requireWebhookRole() {
        List<String> roles = roles();
        if (WEBHOOK_ROLES.stream().noneMatch(roles::contains)) {
            throw new PreservicaAccessDeniedException("The Preservica webhook API needs one of the roles "
                    + String.join(", ", WEBHOOK_ROLES) + ", but " + session.describeUser() + " has " + roles, -1);
        }
    }

    public List<Subscription> listSubscriptions() {
        PreservicaRequest request = PreservicaRequest.get(SUBSCRIPTIONS_PATH);
        JsonNode answer = readJson(request, expectSuccess(request, "the webhook API (Preservica 6.8 or later)"));
        JsonNode items = answer.isArray() ? answer : firstArrayField(answer);
        if (items == null) {
            throw failures.unexpectedAnswer(request, "no JSON array of subscriptions");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        for (JsonNode item : items) {
            subscriptions.add(toSubscription(item));
        }
        return Collections.unmodifiableList(subscriptions);
    }

    /** Subscribes with {@code includeIdentifiers} set. */
    public Subscription subscribe(String url, TriggerType trigger, String secret) {
        return subscribe(url, trigger, secret, true);
    }

    /**
     * Subscribes {@code url} to {@code trigger}. Preservica checks the URL with a challenge while this call waits.
     *
     * @throws PreservicaChallengeFailedException if Preservica refused (4xx) because the receiver did not answer
     */
    public Subscription subscribe(String url, TriggerType trigger, String secret, boolean includeIdentifiers) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(trigger, "trigger");
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("A Preservica subscription needs a non-empty shared secret");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("triggerType", trigger.wireValue());
        body.put("secret", secret);
        body.put("includeIdentifiers", Boolean.toString(includeIdentifiers)); // a string, as pyPreservica sends it
        PreservicaRequest request = PreservicaRequest.postJson(SUBSCRIPTIONS_PATH, toJson(body));
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status >= 400 && status < 500 && status != 401 && status != 403 && status != 404) {
            throw new PreservicaChallengeFailedException("Preservica refused to subscribe " + url + " to "
                    + trigger.wireValue() + " (" + status + "), most likely because the receiver did not answer its"
                    + " challenge: " + PreservicaHttp.excerpt(response).replace(secret, "***"), status);
        }
        if (status < 200 || status > 299) {
            throw failures.forStatus(request, response, "the webhook API (Preservica 6.8 or later)");
        }
        LOG.info("Subscribed {} to Preservica trigger {}", url, trigger.wireValue());
        Subscription answered = parseSubscriptionAnswer(response.body());
        if (answered != null) {
            return answered;
        }
        // the answer did not name the id: the newest listed subscription for this url and trigger is ours
        Subscription found = null;
        for (Subscription candidate : listSubscriptions()) {
            if (url.equals(candidate.url()) && trigger.wireValue().equals(candidate.triggerType())) {
                found = candidate;
            }
        }
        if (found == null) {
            throw failures.unexpectedAnswer(request, "subscription accepted but not listed afterwards");
        }
        return found;
    }

    /** @throws PreservicaNotFoundException if there is no subscription with this id */
    public void unsubscribe(String id) {
        Objects.requireNonNull(id, "id");
        PreservicaRequest request = PreservicaRequest
                .delete(SUBSCRIPTIONS_PATH + "/" + PreservicaRequest.pathSegment("subscription id", id));
        expectSuccess(request, "webhook subscription '" + id + "'");
        LOG.info("Removed Preservica webhook subscription {}", id);
    }

    /** Removes every subscription this user can see and returns their ids. */
    public List<String> unsubscribeAll() {
        List<String> removed = new ArrayList<>();
        for (Subscription subscription : listSubscriptions()) {
            try {
                unsubscribe(subscription.id());
                removed.add(subscription.id());
            } catch (PreservicaNotFoundException e) {
                LOG.debug("Subscription {} vanished before it could be removed", subscription.id());
            }
        }
        return Collections.unmodifiableList(removed);
    }

    /** @throws PreservicaNotFoundException if there is no asset with this reference */
    public Asset getAsset(String ref) {
        return getEntity(ASSET_PATH, "asset", ref, XipReader::readAsset);
    }

    /** @throws PreservicaNotFoundException if there is no folder with this reference */
    public Folder getFolder(String ref) {
        return getEntity(FOLDER_PATH, "folder", ref, XipReader::readFolder);
    }

    private <T> T getEntity(String collectionPath, String kind, String ref, Function<byte[], T> reader) {
        Objects.requireNonNull(ref, "ref");
        PreservicaRequest request = PreservicaRequest
                .get(collectionPath + PreservicaRequest.pathSegment("entity reference", ref));
        byte[] body = expectSuccess(request, kind + " '" + ref + "'").body();
        try {
            return reader.apply(body);
        } catch (IllegalArgumentException e) {
            throw failures.unexpectedAnswer(request, e.getMessage());
        }
    }

    /** The thumbnail, or empty when the entity has none (404). */
    public Optional<Thumbnail> getThumbnail(EntityType type, String ref, ThumbnailSize size) {
        HttpResponse<byte[]> response = thumbnail(type, ref, size, HttpResponse.BodyHandlers.ofByteArray());
        if (response == null) {
            return Optional.empty();
        }
        return Optional
                .of(new Thumbnail(response.body(), response.headers().firstValue("Content-Type").orElse(null), size));
    }

    /** Streaming variant of {@link #getThumbnail}, empty when there is none: the caller closes the stream. */
    public Optional<InputStream> openThumbnail(EntityType type, String ref, ThumbnailSize size) {
        HttpResponse<InputStream> response = thumbnail(type, ref, size, HttpResponse.BodyHandlers.ofInputStream());
        return response == null ? Optional.empty() : Optional.of(response.body());
    }

    private <T> HttpResponse<T> thumbnail(EntityType type, String ref, ThumbnailSize size,
                                          HttpResponse.BodyHandler<T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(size, "size");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("id", "sdb:" + type.name() + "|" + PreservicaRequest.requireSafeIdentifier("entity reference", ref));
        query.put("size", size.wireValue());
        PreservicaRequest request = PreservicaRequest.get(THUMBNAIL_PATH, query);
        HttpResponse<T> response = send(request, handler);
        int status = response.statusCode();
        if (status == 404 || status == 204) {
            PreservicaHttp.discard(response);
            return null;
        }
        if (status != 200) {
            throw failures.forStatus(request, response, null);
        }
        return response;
    }

    /** The change queries of the Entity API: what changed since a date, events, an entity's history. */
    public EntityChanges changes() {
        return changes;
    }

    /** A GET whose answer must be 2xx; for the query classes of this package, with the same failure rules. */
    byte[] getExpectingSuccess(PreservicaRequest request, String notFoundSubject) {
        return expectSuccess(request, notFoundSubject).body();
    }

    PreservicaServerException unexpectedAnswer(PreservicaRequest request, String what) {
        return failures.unexpectedAnswer(request, what);
    }

    /** Sends with the access token; on a 401 gets a new token once and sends again. */
    private <T> HttpResponse<T> send(PreservicaRequest request, HttpResponse.BodyHandler<T> handler) {
        if (closed) {
            throw new IllegalStateException("This Preservica client for " + config.baseUri() + " is closed");
        }
        AccessTokenSession.AccessToken token = session.validToken();
        HttpResponse<T> response = http.send(request, token.value(), handler);
        if (response.statusCode() == 401) {
            PreservicaHttp.discard(response);
            token = session.renewAfterRejection(token);
            response = http.send(request, token.value(), handler);
        }
        return response;
    }

    private HttpResponse<byte[]> expectSuccess(PreservicaRequest request, String notFoundSubject) {
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw failures.forStatus(request, response, notFoundSubject);
        }
        return response;
    }

    private JsonNode readJson(PreservicaRequest request, HttpResponse<byte[]> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw failures.unexpectedAnswer(request, "an empty body instead of JSON");
            }
            return node;
        } catch (IOException e) {
            throw failures.unexpectedAnswer(request, "JSON that cannot be parsed: " + e.getMessage());
        }
    }

    private static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode a JSON request body", e);
        }
    }

    private static JsonNode firstArrayField(JsonNode object) {
        for (Iterator<JsonNode> it = object.elements(); it.hasNext();) {
            JsonNode value = it.next();
            if (value.isArray()) {
                return value;
            }
        }
        return null;
    }

    private static Subscription toSubscription(JsonNode item) {
        Map<String, Object> attributes = JSON.convertValue(item, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        attributes.keySet().removeAll(List.of("id", "url", "triggerType"));
        return new Subscription(text(item, "id"), text(item, "url"), text(item, "triggerType"), attributes);
    }

    private static Subscription parseSubscriptionAnswer(byte[] body) {
        try {
            JsonNode node = body == null || body.length == 0 ? null : JSON.readTree(body);
            return node != null && node.isObject() && text(node, "id") != null ? toSubscription(node) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** How many times this client logged in (not counting refreshes); for health checks and tests. */
    public int loginCount() {
        return session.loginCount();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            http.close();
        }
    }

    @Override
    public String toString() {
        return "PreservicaClient[" + config + "]";
    }
}
