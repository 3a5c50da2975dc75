package io.kana.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.kana.sandbox.KanaSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code target/kana.jar}, run as {@code java -jar} in its own process against a sandbox
 * on loopback: the manifest's main class, the shaded dependencies and the exit code as a shell sees them.
 */
class KanaJarIT {

    private static KanaSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = KanaSandbox.builder().seed(6).start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void contractCheckWithPayloadsConfirmsAllTwelveAndExitsZero() throws Exception {
        Result result = java("contract", "check", "--payloads", "--json");

        assertThat(result.code()).as(result.toString()).isZero();
        Map<?, ?> document = (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(result.out());
        assertThat((List<?>) document.get("operations")).hasSize(12)
                .allSatisfy(line -> assertThat(((Map<?, ?>) line).get("verdict")).isEqualTo("confirmed"));
        assertThat(sandbox.requestCount("/v1/transactions")).as("nothing submitted").isZero();
    }

    @Test
    void anUnknownOptionExitsWithTheUsageCode() throws Exception {
        Result result = java("contract", "check", "--no-such-option");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--no-such-option");
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("kana.jar", "target/kana.jar"));
        assertThat(jar).as("built by `mvn package`").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("kana-out", ".txt");
        Path err = Files.createTempFile("kana-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("KANA_") || name.equals("NODE_URL"));
            environment.put("KANA_NETWORK", "sandbox");
            environment.put("KANA_API_URL", sandbox.apiUrl());
            environment.put("NODE_URL", sandbox.nodeUrl());
            environment.put("KANA_MODULE", sandbox.moduleId());
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kana.jar did not finish: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private record Result(int code, String out, String err) {}
}
