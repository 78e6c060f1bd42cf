package io.github.camelpreservica.examples.cataloguesync;

import java.util.Locale;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.apache.camel.support.service.ServiceSupport;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Opens the catalogue's database before the routes start: H2 in a file by default, PostgreSQL when
 * {@code catalogue.jdbc-url} (CATALOGUE_JDBC_URL) names one. Flyway brings the schema up to date, then the
 * DataSource, a transaction manager over it and the policy {@code transacted()} uses are bound in the registry, and
 * {@code catalogue.database} is set to the dialect whose SQL files the routes run ({@code sql/<dialect>/...}).
 */
public class CatalogueDatabase extends MainListenerSupport {

    static final String JDBC_URL = "catalogue.jdbc-url";
    static final String JDBC_USER = "catalogue.jdbc-user";
    static final String JDBC_PASSWORD = "catalogue.jdbc-password";
    static final String DIALECT = "catalogue.database";
    static final String DATA_SOURCE_BEAN = "catalogueDataSource";
    static final String TRANSACTION_POLICY_BEAN = "catalogueTransaction";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueDatabase.class);

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext context = main.getCamelContext();
        PropertiesComponent properties = context.getPropertiesComponent();
        String url = properties.resolveProperty(JDBC_URL).filter(value -> !value.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("No catalogue database: set " + JDBC_URL
                        + " (CATALOGUE_JDBC_URL), e.g. jdbc:h2:file:./catalogue-db"));
        String user = properties.resolveProperty(JDBC_USER).orElse("");
        String password = properties.resolveProperty(JDBC_PASSWORD).orElse("");
        String dialect = dialectOf(url);

        DataSource dataSource = dataSource(dialect, url, user, password);
        try {
            context.addService(new DataSourceLifecycle(dataSource));
        } catch (Exception e) {
            throw new RuntimeCamelException("Could not register the catalogue database with Camel", e);
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + dialect).load().migrate();

        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        context.getRegistry().bind(DATA_SOURCE_BEAN, dataSource);
        context.getRegistry().bind(TRANSACTION_POLICY_BEAN, new SpringTransactionPolicy(transactions));
        properties.addOverrideProperty(DIALECT, dialect);
        // the URL only: it may carry no password, but the user is not logged either
        LOG.info("Catalogue database: {} ({})", url.replaceAll("password=[^;&]*", "password=***"), dialect);
    }

    /** {@code h2} or {@code postgresql}, the two databases whose SQL this example ships. */
    static String dialectOf(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("Unsupported catalogue database '" + jdbcUrl + "' in " + JDBC_URL
                + " (CATALOGUE_JDBC_URL): use jdbc:h2:... or jdbc:postgresql://...");
    }

    private static DataSource dataSource(String dialect, String url, String user, String password) {
        if ("h2".equals(dialect)) {
            return JdbcConnectionPool.create(url, user, password);
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url);
        postgres.setUser(user);
        postgres.setPassword(password);
        return postgres;
    }

    /** Closes H2's pool (and with it the database file) when Camel stops, after the routes. */
    private static final class DataSourceLifecycle extends ServiceSupport {
        private final DataSource dataSource;

        DataSourceLifecycle(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doStop() {
            if (dataSource instanceof JdbcConnectionPool pool) {
                pool.dispose();
            }
        }
    }
}
