package io.kana.cli;

import com.squareup.moshi.Moshi;
import io.kana.client.Secret;
import io.kana.testkit.SandboxKana;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of {@code kana}, as {@code java -jar kana.jar} runs it, and the environment a
 * user sets for a sandbox (the values the standalone sandbox prints).
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code kana args} with no one at the terminal. */
    public static CliRun kana(Map<String, String> environment, String... args) {
        return kana(environment, Terminal.none(), args);
    }

    /** Runs {@code kana args} with {@code terminal} at the keyboard. */
    public static CliRun kana(Map<String, String> environment, Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KanaCli.execute(environment, terminal, new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The variables for {@code sandbox}, reading only (no key). */
    public static Map<String, String> environment(SandboxKana sandbox) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KANA_NETWORK", "sandbox");
        environment.put("KANA_API_URL", sandbox.sandbox().apiUrl());
        environment.put("NODE_URL", sandbox.sandbox().nodeUrl());
        environment.put("KANA_WS_URL", sandbox.sandbox().wsUrl());
        environment.put("KANA_MODULE", sandbox.sandbox().moduleId());
        return environment;
    }

    /** The variables for {@code sandbox} trading with {@code key}. */
    public static Map<String, String> environment(SandboxKana sandbox, Secret key) {
        Map<String, String> environment = environment(sandbox);
        environment.put("KANA_PRIVATE_KEY", key.reveal());
        return environment;
    }

    /** The standard output as one JSON document. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        try {
            return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + this, e);
        }
    }

    /** {@code json().get(name)} as a list. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return (List<Object>) json().get(name);
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
