package io.kana.cli;

import picocli.CommandLine.Option;

/** How a command prints its answer: a readable table, or one JSON document for scripts. */
public final class OutputOptions {

    @Option(names = "--json", description = "print one JSON document instead of a table")
    boolean json;

    public boolean json() {
        return json;
    }
}
