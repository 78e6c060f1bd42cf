package io.github.camelpreservica.client;

/** The descriptive fields of a Preservica folder (structural object); {@code parent} is null for a top folder. */
public record Folder(String ref, String title, String description, String securityTag, String parent) {
}
