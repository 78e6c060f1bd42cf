package io.github.camelpreservica.component.webhook;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelpreservica.component.webhook.WebhookStatistics.Rejection;
import io.github.camelpreservica.delivery.DeliveryParser;
import io.github.camelpreservica.delivery.InvalidDeliveryException;
import io.github.camelpreservica.delivery.WebhookDelivery;
import io.github.camelpreservica.delivery.WebhookEvent;
import io.github.camelpreservica.signing.ChallengeRefusedException;
import io.github.camelpreservica.signing.SignatureCheck;
import io.github.camelpreservica.signing.WebhookSignatures;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every HTTP request on the receiving path: the subscription challenge (docs/protocol.md section 3, with the
 * signing-oracle guard of section 5) and signed deliveries, which become exchanges of the consumer's route.
 * <p>
 * Statuses: 200 only once the route processed every exchange of the delivery (or the delivery was already processed
 * before: an exact redelivery is acknowledged without a second exchange); 500 when the route failed, so that the
 * sender may deliver again (the delivery is then not recorded as seen); 401 for a missing or wrong signature; 400 for
 * a signed body that is not a delivery, for a replay refused by {@link ReplayGuard} and for a refused challenge; 403
 * for a challenge outside a subscribe call (challengeOnlyWhileSubscribing); 405 for methods other than POST; 413 for
 * bodies over maxBodySize, checked before any hashing or parsing; 408 for a body that takes longer than
 * {@link RequestBodyReader#BODY_READ_TIMEOUT_MILLIS} to arrive; 503 while the consumer stops, and while the bodies in
 * flight hold maxInFlightBodyBytes. A copy of a delivery that
 * arrives while the same delivery is still being processed gets 503 with {@code Retry-After}: answering 200 then
 * would acknowledge a delivery that may yet fail. No exchange is created for a rejected request, and the answer
 * carries none of the request's headers.
 */
final class WebhookRequestHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestHandler.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final DefaultConsumer routeConsumer;
    private final WebhookSignatures signatures;
    private final DeliveryParser parser;
    private final ObjectMapper mapper;
    private final IdempotentRepository seen;
    private final WebhookStatistics statistics;
    private final InFlightGate gate;
    private final RequestBodyReader bodies;
    private final boolean splitEvents;
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private final DeliverySafeguards safeguards;
    private final RejectionWarnings warnings = new RejectionWarnings(LOG, System::nanoTime);

    WebhookRequestHandler(DefaultConsumer routeConsumer, WebhookSignatures signatures, DeliveryParser parser,
            IdempotentRepository seen, WebhookStatistics statistics, InFlightGate gate,
            RequestBodyReader bodies, boolean splitEvents, DeliverySafeguards safeguards) {
        this.safeguards = safeguards;
        this.routeConsumer = routeConsumer;
        this.signatures = signatures;
        this.parser = parser;
        this.mapper = parser.objectMapper();
        this.seen = seen;
        this.statistics = statistics;
        this.gate = gate;
        this.bodies = bodies;
        this.splitEvents = splitEvents;
    }

    @Override
    public void process(Exchange http) {
        // This request's own exchange is plumbing, not an exchange of the route: no event notifier should see it
        // done. Micrometer's would register its meter without a routeId before the route's own, and Prometheus then
        // drops the route's timings (one meter name, one set of tag keys); NotifyBuilder.fromRoute would count it.
        http.getExchangeExtension().setNotifyEvent(true);
        Message request = http.getMessage();
        // methods are case-sensitive (RFC 9110, section 9.1): "post" is not POST
        if (!"POST".equals(request.getHeader(Exchange.HTTP_METHOD, String.class))) {
            statistics.rejected(Rejection.METHOD_NOT_ALLOWED);
            answer(http, 405, "Only POST is accepted here", Map.of("Allow", "POST"));
            return;
        }
        if (!gate.tryEnter()) {
            statistics.rejected(Rejection.NOT_ACCEPTING);
            answer(http, 503, "The receiver is stopping", Map.of("Retry-After", RETRY_AFTER_SECONDS));
            return;
        }
        long reservation = bodyReservation(request);
        if (!safeguards.bodyMemory().tryReserve(reservation)) {
            gate.leave();
            statistics.rejected(Rejection.BODY_MEMORY_FULL);
            warnings.warn(Rejection.BODY_MEMORY_FULL,
                    "Refused a request: the bodies in flight hold maxInFlightBodyBytes");
            answer(http, 503, "Too many bodies in flight", Map.of("Retry-After", RETRY_AFTER_SECONDS));
            return;
        }
        try {
            byte[] body = bodies.read(request);
            if (body == null) {
                statistics.rejected(Rejection.TOO_LARGE);
                answer(http, 413, "The body is larger than " + bodies.maxBodySize() + " bytes", Map.of());
                return;
            }
            QueryParameters query = QueryParameters.of(request);
            if (query.challengeCode() != null) {
                answerChallenge(http, query.challengeCode());
            } else if (query.carriesSignature()) {
                // platform-http merges query parameters into the message headers, where they would pass for the
                // HTTP header: only a signature in the header itself counts
                statistics.rejected(Rejection.SIGNATURE_MISSING);
                warnings.warn(Rejection.SIGNATURE_MISSING,
                        "Refused a delivery with {} in its query string: only the HTTP header counts",
                        WebhookSignatures.SIGNATURE_HEADER);
                answer(http, 401, "Missing or invalid " + WebhookSignatures.SIGNATURE_HEADER, Map.of());
            } else {
                handleDelivery(http, body, request.getHeader(WebhookSignatures.SIGNATURE_HEADER, String.class));
            }
        } catch (BodyTimeoutException e) {
            statistics.rejected(Rejection.BODY_TIMEOUT);
            warnings.warn(Rejection.BODY_TIMEOUT, "Refused a request whose body was too slow: {}", e.getMessage());
            answer(http, 408, "The body did not arrive in time", Map.of());
        } catch (IllegalStateException e) {
            LOG.error("Refused a request whose body could not be read: {}", e.getMessage());
            answer(http, 500, "The request could not be read", Map.of());
        } catch (IOException | InvalidPayloadException | IllegalArgumentException e) {
            // unreadable body, or a query string that does not decode
            LOG.debug("Refused an unreadable request: {}", e.getMessage());
            answer(http, 400, "The request could not be read", Map.of());
        } finally {
            safeguards.bodyMemory().release(reservation);
            gate.leave();
        }
    }

    /** What the body may hold: its declared length, or maxBodySize when not declared; none when it will get 413. */
    private long bodyReservation(Message request) {
        Long declared = RequestBodyReader.contentLength(request.getHeader("Content-Length", String.class));
        if (declared == null || declared < 0) {
            return bodies.maxBodySize();
        }
        return declared > bodies.maxBodySize() ? 0 : declared;
    }

    private void answerChallenge(Exchange http, String challengeCode) {
        if (!safeguards.challenges().isOpen()) {
            statistics.rejected(Rejection.CHALLENGE_OUTSIDE_SUBSCRIBE);
            warnings.warn(Rejection.CHALLENGE_OUTSIDE_SUBSCRIBE,
                    "Refused a challenge: no subscribe call is in flight (challengeOnlyWhileSubscribing=true)");
            answer(http, 403, "No subscription is being made", Map.of());
            return;
        }
        String response;
        try {
            response = signatures.challengeResponse(challengeCode);
        } catch (ChallengeRefusedException e) {
            statistics.rejected(Rejection.CHALLENGE_REFUSED);
            warnings.warn(Rejection.CHALLENGE_REFUSED, "Refused a Preservica challenge ({}): {}", e.reason(),
                    e.getMessage());
            answer(http, 400, "Challenge refused", Map.of());
            return;
        }
        Map<String, String> json = new LinkedHashMap<>();
        json.put("challengeCode", challengeCode);
        json.put("challengeResponse", response);
        statistics.challengeAnswered();
        answerJson(http, 200, json, Map.of());
    }

    private void handleDelivery(Exchange http, byte[] body, String signatureHeader) {
        SignatureCheck check = signatures.check(body, signatureHeader);
        if (!check.isValid()) {
            Rejection reason = switch (check) {
                case MISSING -> Rejection.SIGNATURE_MISSING;
                case MALFORMED -> Rejection.SIGNATURE_MALFORMED;
                default -> Rejection.SIGNATURE_MISMATCH;
            };
            statistics.rejected(reason);
            warnings.warn(reason, "Refused a delivery whose {} header is {}", WebhookSignatures.SIGNATURE_HEADER,
                    check.name().toLowerCase(Locale.ROOT));
            answer(http, 401, "Missing or invalid " + WebhookSignatures.SIGNATURE_HEADER, Map.of());
            return;
        }
        WebhookDelivery delivery;
        try {
            delivery = parser.parse(body);
        } catch (InvalidDeliveryException e) {
            statistics.rejected(Rejection.INVALID_DELIVERY);
            warnings.warn(Rejection.INVALID_DELIVERY,
                    "Refused a correctly signed body that is not a Preservica delivery: {}", e.getMessage());
            answer(http, 400, "Not a Preservica delivery", Map.of());
            return;
        }
        Rejection replay = safeguards.replays().refusal(delivery);
        if (replay != null) {
            statistics.rejected(replay);
            warnings.warn(replay, "Refused a correctly signed delivery not meant for this endpoint now ({}): {}",
                    replay.name().toLowerCase(Locale.ROOT), delivery);
            answer(http, 400, "Not a delivery for this endpoint", Map.of());
            return;
        }
        // the verified signature identifies the exact body under our secret: a perfect redelivery key
        String key = signatureHeader.strip().toLowerCase(Locale.ROOT);
        if (!inProgress.add(key)) {
            statistics.rejected(Rejection.DUPLICATE_IN_PROGRESS);
            answer(http, 503, "The same delivery is being processed", Map.of("Retry-After", RETRY_AFTER_SECONDS));
            return;
        }
        try {
            if (!seen.add(key)) {
                statistics.duplicate();
                LOG.debug("Acknowledged a redelivery of {} without processing it again", delivery);
                respond(http, 200, null, Map.of());
                return;
            }
            Exception failure = route(delivery, body);
            if (failure == null) {
                seen.confirm(key);
                statistics.accepted();
                respond(http, 200, null, Map.of());
            } else {
                seen.remove(key);
                statistics.failed();
                answer(http, 500, "The route failed to process the delivery", Map.of());
            }
        } finally {
            inProgress.remove(key);
        }
    }

    /** Runs the route for the delivery; returns the first failure, or null when every exchange succeeded. */
    private Exception route(WebhookDelivery delivery, byte[] raw) {
        if (!splitEvents) {
            return routeOne(delivery, raw, delivery, -1);
        }
        List<WebhookEvent> events = delivery.getEvents();
        for (int i = 0; i < events.size(); i++) {
            Exception failure = routeOne(delivery, raw, events.get(i), i);
            if (failure != null) {
                // stop here: the sender will redeliver, and the events before this one run again (at least once)
                return failure;
            }
        }
        return null;
    }

    private Exception routeOne(WebhookDelivery delivery, byte[] raw, Object body, int eventIndex) {
        Exchange exchange = routeConsumer.createExchange(false);
        try {
            Message message = exchange.getIn();
            message.setHeader(PreservicaWebhookConstants.SUBSCRIPTION_ID, delivery.getSubscriptionId());
            message.setHeader(PreservicaWebhookConstants.TRIGGER, delivery.getTrigger());
            message.setHeader(PreservicaWebhookConstants.TIMESTAMP, delivery.getTimestamp());
            message.setHeader(PreservicaWebhookConstants.TENANT, delivery.getTenant());
            message.setHeader(PreservicaWebhookConstants.EVENT_COUNT, delivery.getEvents().size());
            message.setHeader(PreservicaWebhookConstants.RAW_DELIVERY, raw);
            if (body instanceof WebhookEvent event) {
                message.setHeader(PreservicaWebhookConstants.EVENT_INDEX, eventIndex);
                message.setHeader(PreservicaWebhookConstants.EVENT_TYPE, event.getEvent());
                message.setHeader(PreservicaWebhookConstants.ENTITY_TYPE, event.getEntityType());
                message.setHeader(PreservicaWebhookConstants.ENTITY_REF, event.getEntityRef());
            }
            message.setBody(body);
            try {
                routeConsumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure == null && exchange.isRollbackOnly()) {
                failure = new IllegalStateException("The route marked the exchange rollback only");
            }
            if (failure != null) {
                routeConsumer.getExceptionHandler()
                        .handleException("Error processing Preservica delivery " + delivery, exchange, failure);
            }
            return failure;
        } finally {
            routeConsumer.releaseExchange(exchange, false);
        }
    }

    private void answerJson(Exchange http, int status, Object json, Map<String, String> headers) {
        try {
            respond(http, status, mapper.writeValueAsBytes(json), headers);
        } catch (JsonProcessingException e) {
            answer(http, 500, "Could not write the answer", Map.of());
        }
    }

    private void answer(Exchange http, int status, String error, Map<String, String> headers) {
        byte[] body = null;
        if (error != null) {
            try {
                body = mapper.writeValueAsBytes(Map.of("error", error));
            } catch (JsonProcessingException e) {
                body = null;
            }
        }
        respond(http, status, body, headers);
    }

    private static void respond(Exchange http, int status, byte[] body, Map<String, String> headers) {
        Message response = http.getMessage();
        // platform-http writes message headers back as response headers: start from none
        response.getHeaders().clear();
        response.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        // the answers are JSON for Preservica, never a page a browser should guess a type for
        response.setHeader("X-Content-Type-Options", "nosniff");
        headers.forEach(response::setHeader);
        if (body != null) {
            response.setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        response.setBody(body);
    }
}
