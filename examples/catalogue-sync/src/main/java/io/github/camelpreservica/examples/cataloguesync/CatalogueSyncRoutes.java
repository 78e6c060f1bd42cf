package io.github.camelpreservica.examples.cataloguesync;

import io.github.camelpreservica.client.PreservicaNotFoundException;
import io.github.camelpreservica.component.webhook.PreservicaWebhookConstants;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * Keeps the catalogue in step. {@code catalogue-sync-java} receives Preservica's events, live and caught up (the same
 * route in YAML is {@code camel/catalogue-sync.camel.yaml}; {@code catalogue.dsl} picks which runs), and hands each
 * to {@code direct:sync-entity}, which fetches the entity's current state and upserts its row. A deleted entity (the
 * catch-up's deleted flag, or a 404 when fetching it) is marked deleted. A failure fails the exchange, so the webhook
 * is answered 500 and the catch-up round stops before its checkpoint: the change comes again, never lost.
 */
public class CatalogueSyncRoutes extends RouteBuilder {

    /** The event that started the exchange, kept for its identifiers while the body holds what was fetched. */
    static final String EVENT = "catalogueEvent";
    static final String FETCHED_ENTITY = "catalogueEntity";

    /**
     * The webhook consumer: all five triggers, so that a change is seen as soon as Preservica tells, and the
     * catch-up, for what it does not tell (title edits, deletions, new folders) and what came while the application
     * was down.
     */
    static final String WEBHOOK_URI = "preservica-webhook:catalogue"
            + "?trigger=INDEXED,MOVED,SECURITY_CHANGED,CHANGE_ASSET_VISIBILITY,INGEST_FAILED"
            + "&webhookExternalUrl={{env:PRESERVICA_WEBHOOK_URL:}}"
            + "&catchUp=true&catchUpInterval={{catalogue.catch-up-interval}}"
            + "&checkpointFile={{catalogue.checkpoint-file}}";

    private static final String SQL = "sql:classpath:sql/";
    private static final String DIALECT_SQL = SQL + "{{" + CatalogueDatabase.DIALECT + "}}/";
    private static final String SQL_OPTIONS = "?dataSource=#" + CatalogueDatabase.DATA_SOURCE_BEAN + "&noop=true";

    @Override
    public void configure() {
        from(WEBHOOK_URI).routeId("catalogue-sync-java")
                .to("direct:sync-entity");

        from("direct:sync-entity").routeId("entity-sync")
                .setProperty(EVENT, body())
                .choice()
                // a failed ingest leaves no entity behind: nothing to catalogue, only to tell
                .when(header(PreservicaWebhookConstants.TRIGGER).isEqualTo("INGEST_FAILED"))
                .log(LoggingLevel.WARN, "Preservica reports a failed ingest: ${body}")
                .when(header(PreservicaWebhookConstants.DELETED).isEqualTo(true))
                .to("direct:store-deleted")
                .when(header(PreservicaWebhookConstants.ENTITY_TYPE).isEqualTo("IO"))
                .to("direct:fetch-asset")
                .when(header(PreservicaWebhookConstants.ENTITY_TYPE).isEqualTo("SO"))
                .to("direct:fetch-folder")
                .otherwise()
                // content objects (CO) belong to an asset; the catalogue lists assets and folders
                .log(LoggingLevel.DEBUG, "Skipped ${header.CamelPreservicaEntityType} "
                        + "${header.CamelPreservicaEntityRef}")
                .end();

        from("direct:fetch-asset").routeId("entity-fetch-asset")
                .doTry()
                .to("preservica:asset")
                .setProperty(FETCHED_ENTITY, body())
                .to("preservica:thumbnail?size=large")
                .setBody(method(CatalogueRows.class, "asset"))
                .to("direct:store-entity")
                .doCatch(PreservicaNotFoundException.class)
                .to("direct:store-deleted")
                .end();

        from("direct:fetch-folder").routeId("entity-fetch-folder")
                .doTry()
                .to("preservica:folder")
                .setBody(method(CatalogueRows.class, "folder"))
                .to("direct:store-entity")
                .doCatch(PreservicaNotFoundException.class)
                .to("direct:store-deleted")
                .end();

        from("direct:store-deleted").routeId("entity-store-deleted")
                .setBody(method(CatalogueRows.class, "deleted"))
                .to("direct:store-entity");

        // the row and its thumbnail commit together, or neither does
        from("direct:store-entity").routeId("entity-store")
                .transacted(CatalogueDatabase.TRANSACTION_POLICY_BEAN)
                .to(DIALECT_SQL + "upsert-entity.sql" + SQL_OPTIONS)
                .choice()
                .when(simple("${body[thumbnail]} != null"))
                .to(DIALECT_SQL + "upsert-thumbnail.sql" + SQL_OPTIONS)
                .otherwise()
                .to(SQL + "delete-thumbnail.sql" + SQL_OPTIONS)
                .end()
                .log("Stored ${body[type]} ${body[ref]} (deleted: ${body[deleted]}): ${body[title]}");
    }
}
