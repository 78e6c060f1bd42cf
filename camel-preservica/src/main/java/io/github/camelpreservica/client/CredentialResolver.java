package io.github.camelpreservica.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks a credential up the way pyPreservica does: the explicit value, then the environment variable, then the
 * {@code [credentials]} section of {@code credentials.properties}. Blank values count as absent at every step.
 */
public final class CredentialResolver {

    private static final String CREDENTIALS_FILE_NAME = "credentials.properties";
    private static final String SECTION = "credentials";

    private final Map<String, String> environment;
    private final Path credentialsFile;
    private volatile Map<String, String> fileValues;

    public CredentialResolver(Map<String, String> environment, Path credentialsFile) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.credentialsFile = credentialsFile;
    }

    /** The process environment and {@code credentials.properties} in the working directory. */
    public static CredentialResolver standard() {
        return new CredentialResolver(System.getenv(), Path.of(CREDENTIALS_FILE_NAME));
    }

    /** Where a value was found, most trusted first: set by the application, by the process's environment, by a file. */
    public enum Source {
        OPTION, ENVIRONMENT, FILE
    }

    /** A value and where it was found. */
    public record Found(String value, Source source) {
        @Override
        public String toString() {
            // the value may be a password
            return "Found[source=" + source + "]";
        }
    }

    public Optional<String> resolve(CredentialKey key, String explicitValue) {
        return find(key, explicitValue).map(Found::value);
    }

    /** As {@link #resolve}, saying which source the value came from. */
    public Optional<Found> find(CredentialKey key, String explicitValue) {
        if (isPresent(explicitValue)) {
            return Optional.of(new Found(explicitValue, Source.OPTION));
        }
        String fromEnvironment = environment.get(key.environmentVariable());
        if (isPresent(fromEnvironment)) {
            return Optional.of(new Found(fromEnvironment, Source.ENVIRONMENT));
        }
        String fromFile = fileValues().get(key.propertyKey());
        return isPresent(fromFile) ? Optional.of(new Found(fromFile, Source.FILE)) : Optional.empty();
    }

    /** How a source is named in error messages. */
    public String describe(CredentialKey key, Source source) {
        return switch (source) {
            case OPTION -> "the option " + key.propertyKey();
            case ENVIRONMENT -> "the environment variable " + key.environmentVariable();
            case FILE -> "'" + key.propertyKey() + "' in " + CREDENTIALS_FILE_NAME;
        };
    }

    /** Where a value may come from, for error messages that tell the user how to supply it. */
    public String describeSources(CredentialKey key) {
        return "option, environment variable " + key.environmentVariable() + " or '" + key.propertyKey()
                + "' in " + CREDENTIALS_FILE_NAME;
    }

    private static boolean isPresent(String value) {
        return value != null && !value.isBlank();
    }

    private Map<String, String> fileValues() {
        Map<String, String> values = fileValues;
        if (values == null) {
            values = readCredentialsSection(credentialsFile);
            fileValues = values;
        }
        return values;
    }

    /**
     * Reads the INI-like file by hand: {@link java.util.Properties} would take the {@code [credentials]} header
     * for a key. Only lines inside {@code [credentials]} count; {@code #} and {@code ;} start comment lines.
     */
    static Map<String, String> readCredentialsSection(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Preservica credentials file " + file.toAbsolutePath(), e);
        }
        Map<String, String> values = new HashMap<>();
        boolean inSection = false;
        for (String rawLine : lines) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                inSection = SECTION.equalsIgnoreCase(line.substring(1, line.length() - 1).strip());
                continue;
            }
            int separator = line.indexOf('=');
            if (inSection && separator > 0) {
                values.put(line.substring(0, separator).strip(), line.substring(separator + 1).strip());
            }
        }
        return Map.copyOf(values);
    }

    @Override
    public String toString() {
        return "CredentialResolver[file=" + credentialsFile + "]";
    }
}
