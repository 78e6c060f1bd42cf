package io.github.camelpreservica.testing;

import java.util.concurrent.TimeUnit;

import io.github.camelpreservica.signing.WebhookSignatures;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * A delivery POSTed as HTTP/2 from the first byte (h2c with prior knowledge), which java.net.http cannot send: Vert.x'
 * client, on a Vert.x instance of its own for the one request. The caller's classpath must hold vertx-core.
 */
public final class PriorKnowledgeHttp2 {

    private PriorKnowledgeHttp2() {
    }

    /** The status of the POST to the loopback port and path, or -1 when it failed (refused, reset, timed out). */
    public static int post(int port, String path, byte[] body, WebhookSignatures signatures) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false).setConnectTimeout(5000));
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                    .setHost(HostileRequests.LOOPBACK).setPort(port).setURI(path).setTimeout(20_000)
                    .putHeader(WebhookSignatures.SIGNATURE_HEADER, signatures.sign(body));
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .map(response -> response.statusCode())
                    .otherwise(failure -> -1)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
