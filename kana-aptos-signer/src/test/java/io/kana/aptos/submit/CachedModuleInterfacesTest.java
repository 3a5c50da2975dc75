package io.kana.aptos.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.aptos.abi.FunctionAbi;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.ModuleInterfaces;
import io.kana.testsupport.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CachedModuleInterfacesTest {

    static final AccountAddress PUBLISHER = AccountAddress.parse("0xbeef");

    final FakeNode node = new FakeNode();
    final AptosTransactionSubmitter submitter = new AptosTransactionSubmitter(new TestWallet(), node, new FakeSigning(),
            SubmitterSettings.defaults(), new ManualScheduler(), new MutableClock(Instant.parse("2026-03-01T12:00:00Z")));

    @AfterEach
    void close() {
        submitter.close();
    }

    @Test
    void theFunctionsAreTheAbisWithoutTheirSigners() throws Exception {
        node.nextAbiAnswer = CompletableFuture.completedFuture(new ModuleAbi(PUBLISHER, "perpetual_scripts", List.of(
                new FunctionAbi("deposit", true, 0, List.of("&signer", "address", "u64")),
                new FunctionAbi("generic", true, 2, List.of("signer", "u64")),
                new FunctionAbi("view_only", false, 0, List.of("u64")))));

        Map<String, OnChainFunction> functions = submitter.moduleInterfaces().functions(PUBLISHER, "perpetual_scripts")
                .get();

        assertThat(functions).containsOnly(
                Map.entry("deposit", new OnChainFunction("deposit", true, List.of("address", "u64"), 0)),
                Map.entry("generic", new OnChainFunction("generic", true, List.of("u64"), 2)),
                Map.entry("view_only", new OnChainFunction("view_only", false, List.of("u64"), 0)));
    }

    @Test
    void theCheckAndTheEncodingShareOneFetchOfTheAbi() throws Exception {
        ModuleInterfaces modules = submitter.moduleInterfaces();

        modules.functions(PUBLISHER, "perps").get();
        modules.functions(PUBLISHER, "perps").get();
        submitter.submit(new EntryFunctionPayload(PUBLISHER + "::perps::place", List.of(), List.of("x"))).get();

        assertThat(node.calls("moduleAbi")).isEqualTo(1);
    }
}
