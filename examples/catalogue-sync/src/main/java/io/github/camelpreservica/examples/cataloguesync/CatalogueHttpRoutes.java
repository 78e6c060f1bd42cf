package io.github.camelpreservica.examples.cataloguesync;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The catalogue on the same HTTP server as the webhook: {@code GET /catalogue} (JSON), {@code GET /} (an HTML page)
 * and {@code GET /thumbnail/{ref}} (the stored large thumbnail). Read-only, and without authentication: put it
 * behind whatever guards the server's other pages before exposing it.
 */
public class CatalogueHttpRoutes extends RouteBuilder {

    private static final String SQL_OPTIONS = "?dataSource=#" + CatalogueDatabase.DATA_SOURCE_BEAN;

    @Override
    public void configure() {
        from("platform-http:/catalogue?httpMethodRestrict=GET").routeId("http-catalogue-json")
                .to("sql:classpath:sql/select-catalogue.sql" + SQL_OPTIONS)
                .setBody(method(CatalogueView.class, "json"))
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"));

        from("platform-http:/?httpMethodRestrict=GET").routeId("http-catalogue-page")
                .to("sql:classpath:sql/select-catalogue.sql" + SQL_OPTIONS)
                .setBody(method(CatalogueView.class, "html"))
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8"));

        from("platform-http:/thumbnail/{ref}?httpMethodRestrict=GET").routeId("http-catalogue-thumbnail")
                .to("sql:classpath:sql/select-thumbnail.sql" + SQL_OPTIONS + "&outputType=SelectOne")
                .removeHeaders("*")
                .choice()
                .when(body().isNull())
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(constant("No thumbnail for this reference"))
                .otherwise()
                .setHeader(Exchange.CONTENT_TYPE, simple("${body[content_type]}"))
                .setBody(simple("${body[content]}"))
                .end();
    }
}
