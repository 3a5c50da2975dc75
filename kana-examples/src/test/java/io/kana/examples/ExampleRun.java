package io.kana.examples;

import io.kana.core.trading.TradeResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/** One example run through the same path as its {@code main}, with the output captured. */
record ExampleRun(int exitStatus, String out, String err, List<Transcript.Step> steps) {

    /** Hex of the sandbox wallets' private keys, which no output may contain. */
    static final List<String> SANDBOX_KEYS = List.of(
            HexFormat.of().formatHex(ExampleEnvironment.sha3("kana-examples wallet 1")),
            HexFormat.of().formatHex(ExampleEnvironment.sha3("kana-examples wallet 2")));

    static ExampleRun of(BiFunction<ExampleEnvironment, Transcript, List<Transcript.Step>> example,
            Map<String, String> variables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<List<Transcript.Step>> steps = new AtomicReference<>(List.of());
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = ExampleEnvironment.run((env, transcript) -> steps.set(example.apply(env, transcript)),
                    variables, outStream, errStream);
        }
        return new ExampleRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                steps.get());
    }

    /** On the embedded sandbox, as with no configuration. */
    static ExampleRun onSandbox(BiFunction<ExampleEnvironment, Transcript, List<Transcript.Step>> example) {
        return of(example, Map.of());
    }

    List<TradeResult> transactions() {
        return steps.stream().flatMap(step -> step.transactions().stream()).toList();
    }
}
