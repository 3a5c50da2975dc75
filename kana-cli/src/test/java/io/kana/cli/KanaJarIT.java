package io.kana.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.sandbox.KanaSandbox;
import io.kana.testkit.SandboxKana;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
    void againstAStandaloneSandboxProcessMarketsPlaceLimitAndOrdersWorkAsAUserRunsThem() throws Exception {
        String key = SandboxKana.newPrivateKey().reveal();
        String wallet = Ed25519WalletSigner.fromText(key).address().hex();
        Path jar = Path.of(System.getProperty("kana.jar", "target/kana.jar"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process standalone = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "sandbox", "--port", "0",
                "--seed", "9", "--fund", wallet).redirectErrorStream(true).start();
        try {
            Map<String, String> printed = urls(new BufferedReader(new InputStreamReader(standalone.getInputStream(),
                    StandardCharsets.UTF_8)));
            Map<String, String> environment = new HashMap<>(printed);
            environment.put("KANA_PRIVATE_KEY", key);

            Result markets = java(environment, "markets", "--json");
            assertThat(markets.code()).as(markets.toString()).isZero();
            List<?> listed = (List<?>) json(markets.out()).get("markets");
            assertThat(listed).hasSize(4);
            assertThat(listed.stream().map(m -> (Object) ((Map<?, ?>) m).get("baseName")).toList())
                    .containsExactly("APT/USDC", "BTC/USDC", "ETH/USDC", "SOL/USDC");

            assertThat(java(environment, "deposit", "100").code()).isZero();
            Result placed = java(environment, "place-limit", "--market", "1338", "--side", "long", "--size", "1.5",
                    "--price", "4.9", "--json");
            assertThat(placed.code()).as(placed.toString()).isZero();
            Map<?, ?> transaction = (Map<?, ?>) ((List<?>) json(placed.out()).get("transactions")).get(0);
            assertThat((String) transaction.get("hash")).matches("0x[0-9a-f]{64}");
            assertThat(transaction.get("success")).isEqualTo(true);
            assertThat(placed.out() + placed.err()).doesNotContain(key.substring(20));

            Result orders = java(environment, "orders", "--json");
            assertThat(orders.code()).as(orders.toString()).isZero();
            assertThat((List<?>) json(orders.out()).get("orders")).singleElement()
                    .satisfies(o -> assertThat(((Map<?, ?>) o).get("price")).isIn("4.9", "4.900"));
        } finally {
            standalone.destroy();
            assertThat(standalone.waitFor(30, TimeUnit.SECONDS)).as("the sandbox stops on SIGTERM").isTrue();
        }
    }

    /** Reads the standalone sandbox's banner up to its last line, as the variables a user sets from it. */
    private static Map<String, String> urls(BufferedReader banner) throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("KANA_NETWORK", "sandbox");
        Map<String, String> labels = Map.of("trade API", "KANA_API_URL", "Aptos node", "NODE_URL",
                "WebSocket", "KANA_WS_URL", "module", "KANA_MODULE");
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = banner.readLine()) != null && !line.startsWith("Ctrl+C")) {
            seen.append(line).append('\n');
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (line.startsWith("  " + label.getKey() + " ")) {
                    environment.put(label.getValue(), line.substring(label.getKey().length() + 2).strip());
                }
            }
        }
        assertThat(environment).as(seen.toString()).hasSize(5);
        return environment;
    }

    private static Map<?, ?> json(String text) throws IOException {
        return (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    }

    @Test
    void anUnknownOptionExitsWithTheUsageCode() throws Exception {
        Result result = java("contract", "check", "--no-such-option");

        assertThat(result.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--no-such-option");
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        environment.put("KANA_NETWORK", "sandbox");
        environment.put("KANA_API_URL", sandbox.apiUrl());
        environment.put("NODE_URL", sandbox.nodeUrl());
        environment.put("KANA_MODULE", sandbox.moduleId());
        return java(environment, args);
    }

    private static Result java(Map<String, String> variables, String... args) throws IOException, InterruptedException {
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
            environment.putAll(variables);
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
