package io.github.camelpreservica.benchmarks.server;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The yardstick: Camel's own platform-http path with nothing of ours in it. It reads the body once, as bytes
 * (reading it as a String costs far more garbage), and answers 200 with an empty body.
 */
public final class BaselineRoute extends RouteBuilder {

    private final String path;

    public BaselineRoute(String path) {
        this.path = path;
    }

    @Override
    public void configure() {
        from("platform-http:" + path + "?httpMethodRestrict=POST")
                .routeId("baseline")
                .process(BaselineRoute::readBody);
    }

    private static void readBody(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            return;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setBody("");
    }
}
