package io.github.camelpreservica.component.preservica;

import io.github.camelpreservica.client.Folder;
import io.github.camelpreservica.client.PreservicaNotFoundException;
import io.github.camelpreservica.simulator.DemoAssets;
import io.github.camelpreservica.simulator.SimulatedFolder;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code preservica:folder} against the simulator over loopback. */
class PreservicaFolderTest extends PreservicaTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:folder").to("preservica:folder");
            }
        };
    }

    @Test
    void fetchesFolderNamedInHeaderWithItsParent() {
        simulator.addFolder(new SimulatedFolder("a1b2c3d4-0000-4000-8000-000000000001", "Maps", "Surveyed maps",
                "closed", DemoAssets.FOLDER_REF));

        Object body = template.requestBodyAndHeader("direct:folder", "ignored", PreservicaConstants.ENTITY_REF,
                "a1b2c3d4-0000-4000-8000-000000000001");

        assertThat(body).isEqualTo(new Folder("a1b2c3d4-0000-4000-8000-000000000001", "Maps", "Surveyed maps",
                "closed", DemoAssets.FOLDER_REF));
    }

    @Test
    void topFolderHasNoParent() {
        Folder folder = template.requestBody("direct:folder", DemoAssets.FOLDER_REF, Folder.class);

        assertThat(folder.title()).isEqualTo("Demo collection");
        assertThat(folder.parent()).isNull();
    }

    @Test
    void unknownFolderRaisesNotFoundException() {
        assertThatThrownBy(() -> template.requestBody("direct:folder", DemoAssets.HARBOUR_REF))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(PreservicaNotFoundException.class)
                .hasMessageContaining(DemoAssets.HARBOUR_REF);
    }
}
