package io.github.camelpreservica.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An asset (information object) the entity and thumbnail APIs answer for. */
public final class SimulatedAsset {

    /** The sizes Preservica's thumbnail endpoint accepts. */
    public static final List<String> THUMBNAIL_SIZES = List.of("small", "medium", "large");

    private final String ref;
    private final String title;
    private final String description;
    private final String securityTag;
    private final String parentRef;
    private final Map<String, byte[]> thumbnails;
    private final String thumbnailContentType;

    /**
     * An asset whose thumbnail (the same bytes for every size) may be null.
     *
     * @param thumbnailContentType e.g. {@code image/png}; ignored when there is no thumbnail
     */
    public SimulatedAsset(String ref, String title, String description, String securityTag, String parentRef,
            byte[] thumbnail, String thumbnailContentType) {
        this(ref, title, description, securityTag, parentRef, sameForEverySize(thumbnail), thumbnailContentType);
    }

    private SimulatedAsset(String ref, String title, String description, String securityTag, String parentRef,
            Map<String, byte[]> thumbnails, String thumbnailContentType) {
        this.ref = Objects.requireNonNull(ref, "ref");
        this.title = title;
        this.description = description;
        this.securityTag = securityTag == null ? "open" : securityTag;
        this.parentRef = parentRef;
        this.thumbnails = thumbnails;
        this.thumbnailContentType = thumbnails.isEmpty()
                ? null
                : Objects.requireNonNull(thumbnailContentType, "thumbnailContentType");
    }

    /** An asset with a different thumbnail per size (keys {@code small}, {@code medium}, {@code large}). */
    public static SimulatedAsset withThumbnailsBySize(String ref, String title, String description, String securityTag,
                                                      String parentRef, Map<String, byte[]> thumbnailsBySize,
                                                      String thumbnailContentType) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        thumbnailsBySize.forEach((size, bytes) -> copy.put(size, bytes.clone()));
        return new SimulatedAsset(ref, title, description, securityTag, parentRef, copy, thumbnailContentType);
    }

    /** The same asset, thumbnails kept, with other descriptive fields (a modification in Preservica). */
    SimulatedAsset withDetails(String newTitle, String newDescription, String newSecurityTag, String newParentRef) {
        return new SimulatedAsset(ref, newTitle, newDescription, newSecurityTag, newParentRef, thumbnails,
                thumbnailContentType);
    }

    private static Map<String, byte[]> sameForEverySize(byte[] thumbnail) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        if (thumbnail != null) {
            THUMBNAIL_SIZES.forEach(size -> map.put(size, thumbnail.clone()));
        }
        return map;
    }

    public String ref() {
        return ref;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String securityTag() {
        return securityTag;
    }

    public String parentRef() {
        return parentRef;
    }

    public boolean hasThumbnail() {
        return !thumbnails.isEmpty();
    }

    /** The medium thumbnail, or null. */
    public byte[] thumbnail() {
        return thumbnail("medium");
    }

    /** The thumbnail of the given size, or null when there is none. */
    public byte[] thumbnail(String size) {
        byte[] bytes = thumbnails.get(size);
        return bytes == null ? null : bytes.clone();
    }

    public String thumbnailContentType() {
        return thumbnailContentType;
    }

    @Override
    public String toString() {
        return "SimulatedAsset[ref=" + ref + ", title=" + title + ", thumbnail=" + hasThumbnail() + "]";
    }
}
