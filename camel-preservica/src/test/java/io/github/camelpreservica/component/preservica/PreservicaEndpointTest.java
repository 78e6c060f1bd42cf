package io.github.camelpreservica.component.preservica;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Endpoint creation and start-up checks: these fail before any call to Preservica. */
class PreservicaEndpointTest extends CamelTestSupport {

    @Test
    void unknownOperationFailsAtEndpointCreationListingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("preservica:assets"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown operation 'assets' for preservica: valid operations are asset, folder, thumbnail");
    }

    @Test
    void endpointOptionsOverrideTheComponentsDefaults() {
        PreservicaComponent component = context.getComponent("preservica", PreservicaComponent.class);
        component.getConfiguration().setSize("medium");

        PreservicaEndpoint overridden = context.getEndpoint("preservica:thumbnail?size=small",
                PreservicaEndpoint.class);
        PreservicaEndpoint inherited = context.getEndpoint("preservica:thumbnail", PreservicaEndpoint.class);

        assertThat(overridden.getOperation()).isEqualTo(PreservicaOperation.thumbnail);
        assertThat(overridden.getConfiguration().getSize()).isEqualTo("small");
        assertThat(inherited.getConfiguration().getSize()).isEqualTo("medium");
        assertThat(component.getConfiguration().getSize()).isEqualTo("medium");
    }

    @Test
    void unknownSizeOptionFailsTheRouteStartNamingTheValidSizes() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start")
                        .to("preservica:thumbnail?size=huge&server=http://127.0.0.1:9&username=u&password=p");
            }
        })).rootCause().hasMessageContaining("'huge'").hasMessageContaining("small, medium and large");
    }

    @Test
    void passwordNeverAppearsInTheEndpointUri() {
        PreservicaEndpoint endpoint = context.getEndpoint(
                "preservica:asset?server=http://127.0.0.1:9&username=u&password=hunter2", PreservicaEndpoint.class);

        assertThat(endpoint.toString()).doesNotContain("hunter2");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("hunter2");
    }
}
