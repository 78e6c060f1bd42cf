package io.github.camelpreservica.simulator;

import java.util.Objects;

/**
 * The state of one entity of the changing catalogue, as {@link SimulatedCatalogue#entries()} and
 * {@code GET /simulator/catalogue} report it.
 *
 * @param type {@code IO} (asset) or {@code SO} (folder)
 */
public record CatalogueEntry(String ref, String type, String title, String description, String parent,
                             String securityTag, boolean visible, boolean deleted) {

    public CatalogueEntry {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(type, "type");
    }

    CatalogueEntry withTitleAndDescription(String newTitle, String newDescription) {
        return new CatalogueEntry(ref, type, newTitle, newDescription, parent, securityTag, visible, deleted);
    }

    CatalogueEntry withParent(String newParent) {
        return new CatalogueEntry(ref, type, title, description, newParent, securityTag, visible, deleted);
    }

    CatalogueEntry withSecurityTag(String newTag) {
        return new CatalogueEntry(ref, type, title, description, parent, newTag, visible, deleted);
    }

    CatalogueEntry withVisible(boolean newVisible) {
        return new CatalogueEntry(ref, type, title, description, parent, securityTag, newVisible, deleted);
    }

    CatalogueEntry asDeleted() {
        return new CatalogueEntry(ref, type, title, description, parent, securityTag, visible, true);
    }
}
