package io.github.camelpreservica.component.preservica;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@code preservica:} endpoint fetches from Preservica's Entity API. */
public enum PreservicaOperation {
    /** The asset's descriptive fields, as an {@link io.github.camelpreservica.client.Asset}. */
    asset,
    /** The folder's descriptive fields, as an {@link io.github.camelpreservica.client.Folder}. */
    folder,
    /** The entity's thumbnail image bytes. */
    thumbnail;

    /**
     * The operation with this exact name.
     *
     * @throws IllegalArgumentException naming the value and listing the valid operations
     */
    public static PreservicaOperation fromName(String name) {
        for (PreservicaOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown operation '" + name + "' for preservica: valid operations are "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
