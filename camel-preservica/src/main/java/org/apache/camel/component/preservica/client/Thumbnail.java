package org.apache.camel.component.preservica.client;

/** A thumbnail image as Preservica served it; {@code contentType} is the server's Content-Type, if any. */
public record Thumbnail(byte[] content, String contentType, ThumbnailSize size) {

    @Override
    public String toString() {
        return "Thumbnail[" + content.length + " bytes, " + contentType + ", " + size + "]";
    }
}
