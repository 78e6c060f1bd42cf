package io.github.camelpreservica.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} command-line options, with errors that name the option. */
final class Arguments {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    Arguments(List<String> args, Set<String> knownFlags) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "': options start with --");
            }
            String name = arg.substring(2);
            if (knownFlags.contains(name)) {
                flags.add(name);
            } else if (i + 1 < args.size()) {
                values.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("Option --" + name + " needs a value");
            }
        }
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Missing option --" + name);
        }
        return value;
    }

    String optional(String name, String fallback) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --" + name + " must be a whole number, not '" + value + "'");
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The shared secret: from --secret, else from PRESERVICA_WEBHOOK_SECRET (keeps it out of the process list). */
    String secret() {
        String value = values.get("secret");
        if (value == null || value.isEmpty()) {
            value = System.getenv("PRESERVICA_WEBHOOK_SECRET");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(
                    "Missing option --secret (or environment variable PRESERVICA_WEBHOOK_SECRET)");
        }
        return value;
    }
}
