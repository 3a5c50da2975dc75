package io.kana.benchmarks;

import io.kana.aptos.submit.FileTransactionJournal;
import io.kana.aptos.submit.JournalEntry;
import io.kana.aptos.submit.Settlement;
import io.kana.core.model.AccountAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the crash-safe journal adds to each order: one framed record appended and forced to disk before the
 * send ({@code signed}), and one settlement appended without a sync once its outcome is known.
 * The figure is the disk's: run it on the disk the journal will live on.
 *
 * <pre>java -jar kana-benchmarks/target/benchmarks.jar JournalBenchmark -f1 -wi 2 -i 3 -w 1 -r 2 -tu us -bm avgt</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class JournalBenchmark {

    private static final AccountAddress SENDER =
            AccountAddress.parse("0xb6bbeddd149a70b603089e5a1e4e259c39d6cbfb0139265b1d4bd79eaf790b03");

    private Path dir;
    private FileTransactionJournal journal;
    private final byte[] signedBytes = new byte[420]; // a place_limit_order as signed: payload, header, key, signature
    private long sequence;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("journal.dir", System.getProperty("java.io.tmpdir"))),
                "kana-journal-bench");
        journal = FileTransactionJournal.open(dir.resolve("journal"));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        journal.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The journal's share of one order: signed (forced) then settled (not forced). */
    @Benchmark
    public void signedThenSettled() {
        long n = sequence++;
        String hash = "0x" + String.format("%064x", n);
        journal.signed(new JournalEntry(hash, hash, SENDER, n, 1_772_000_000L,
                "0x7a38::perpetual_scripts::place_limit_order", "[1338, true, false, 250000000, 65000000000, 20]",
                signedBytes));
        journal.settled(hash, Settlement.SUCCEEDED);
    }
}
