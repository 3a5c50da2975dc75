package io.kana.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The client's settings read from the environment beside {@link KanaConfig}'s: the journal and the automatic halt. */
final class ClientEnvironment {

    private ClientEnvironment() {}

    /** A builder of {@link KanaConfig#fromEnvironment(Map)}'s config, with {@code KANA_JOURNAL} and {@code KANA_AUTO_HALT_AFTER}. */
    static KanaClient.Builder builder(Map<String, String> env) {
        KanaClient.Builder builder = KanaClient.builder(KanaConfig.fromEnvironment(env));
        String journal = env.get("KANA_JOURNAL");
        if (journal != null && !journal.isBlank()) {
            builder.journal(Path.of(journal.strip()));
        }
        String autoHaltAfter = env.get("KANA_AUTO_HALT_AFTER");
        if (autoHaltAfter != null && !autoHaltAfter.isBlank()) {
            builder.autoHaltAfter(duration("KANA_AUTO_HALT_AFTER", autoHaltAfter.strip()));
        }
        return builder;
    }

    /** A positive {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT30S}). */
    static Duration duration(String name, String text) {
        Duration value = null;
        try {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("pt")) {
                value = Duration.parse(lower);
            } else if (lower.endsWith("ms")) {
                value = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).strip()));
            } else {
                long amount = Long.parseLong(lower.substring(0, lower.length() - 1).strip());
                value = switch (lower.charAt(lower.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> null;
                };
            }
        } catch (RuntimeException malformed) {
            // Reported below with the forms that are understood.
        }
        if (value == null || value.isNegative() || value.isZero()) {
            throw new KanaConfigException(name, name + " is a positive duration such as 30s, 500ms, 2m, 1h or PT30S, "
                    + "got '" + text + "'");
        }
        return value;
    }
}
