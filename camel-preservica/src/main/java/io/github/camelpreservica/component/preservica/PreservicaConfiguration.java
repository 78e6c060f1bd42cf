package io.github.camelpreservica.component.preservica;

import io.github.camelpreservica.component.PreservicaConnectionConfiguration;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code preservica:} endpoint. Set on the component, they are the defaults of every endpoint.
 * Connection values left unset are looked up as pyPreservica does: environment variable, then
 * {@code credentials.properties}.
 */
@UriParams
public class PreservicaConfiguration extends PreservicaConnectionConfiguration implements Cloneable {

    @UriParam(label = "producer", defaultValue = "large", enums = "small,medium,large")
    private String size = "large";
    @UriParam(label = "producer", defaultValue = "IO", enums = "IO,SO")
    private String entityType = "IO";

    public String getSize() {
        return size;
    }

    /**
     * For thumbnail: the size to fetch, small, medium or large. The header CamelPreservicaThumbnailSize overrides it.
     */
    public void setSize(String size) {
        this.size = size;
    }

    public String getEntityType() {
        return entityType;
    }

    /**
     * For thumbnail: whose thumbnail to fetch, IO (an asset) or SO (a folder). The header CamelPreservicaEntityType
     * overrides it.
     */
    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    public PreservicaConfiguration copy() {
        try {
            return (PreservicaConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        return "PreservicaConfiguration[server=" + getServer() + ", tenant=" + getTenant() + ", size=" + size
                + ", entityType=" + entityType + "]";
    }
}
