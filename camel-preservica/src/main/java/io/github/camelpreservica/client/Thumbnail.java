package io.github.camelpreservica.client;

import java.util.Arrays;
import java.util.Objects;

/** A thumbnail image as Preservica served it; {@code contentType} is the server's Content-Type, if any. */
public record Thumbnail(byte[] content, String contentType, ThumbnailSize size) {

    public Thumbnail {
        Objects.requireNonNull(content, "content");
    }

    /** Compares the image bytes, not the array identity a record would compare. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Thumbnail that && Arrays.equals(content, that.content)
                && Objects.equals(contentType, that.contentType) && size == that.size;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(contentType, size) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Thumbnail[" + content.length + " bytes, " + contentType + ", " + size + "]";
    }
}
