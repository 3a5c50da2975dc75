package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.FakePerpsModule;
import io.kana.sandbox.chain.PerpsModule;
import io.kana.sandbox.chain.SigningVectors;
import io.kana.sandbox.chain.TestBcs;
import io.kana.sandbox.chain.TestTransaction;
import io.kana.sandbox.chain.TestWallet;
import io.kana.testsupport.MutableClock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The node half over HTTP: every answer in the shape an Aptos node gives. */
class SandboxNodeTest {

    /** A day before the signing vectors expire (1735689600 = 2025-01-01T00:00:00Z). */
    static final Instant NOW = Instant.parse("2024-12-31T00:00:00Z");
    static final long EXPIRATION = NOW.getEpochSecond() + 60;
    static final long TEN_APT = 1_000_000_000L;

    final MutableClock clock = new MutableClock(NOW);
    FakePerpsModule module;
    KanaSandbox sandbox;
    NodeHttp http;

    void start(int chainId, Duration commitDelay) {
        sandbox = KanaSandbox.builder().chainId(chainId).clock(clock).commitDelay(commitDelay)
                .module(chain -> module = new FakePerpsModule(chain)).start();
        http = new NodeHttp(sandbox.nodeUrl());
    }

    void start() {
        start(4, Duration.ofMillis(2));
    }

    @AfterEach
    void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    TestWallet funded(long seed) {
        TestWallet wallet = TestWallet.seeded(seed);
        sandbox.fundWallet(wallet.address, BigDecimal.ZERO, TEN_APT);
        return wallet;
    }

    static void assertNodeError(NodeHttp.Reply reply, int status, String errorCode) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json()).containsEntry("error_code", errorCode).containsKey("message").containsKey("vm_error_code");
    }

    static void assertVmError(NodeHttp.Reply reply, int vmErrorCode, String name) {
        assertNodeError(reply, 400, "vm_error");
        assertThat(reply.json()).containsEntry("vm_error_code", (double) vmErrorCode);
        assertThat((String) reply.json().get("message")).isEqualTo("Invalid transaction: Type: "
                + (vmErrorCode < 1000 ? "Validation" : "Verification") + " Code: " + name);
    }

    @Nested
    class Reads {

        @Test
        void ledgerInfoHasANumericChainIdAndStringVersionsAndAptosHeaders() {
            start();
            NodeHttp.Reply reply = http.get("");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json()).containsEntry("chain_id", 4.0).containsEntry("ledger_version", "0")
                    .containsEntry("epoch", "1").containsEntry("node_role", "full_node")
                    .containsEntry("ledger_timestamp", Long.toString(NOW.getEpochSecond() * 1_000_000));
            assertThat(reply.header("X-Aptos-Chain-Id")).isEqualTo("4");
            assertThat(reply.header("X-Aptos-Ledger-Version")).isEqualTo("0");
            assertThat(reply.header("X-Aptos-Ledger-TimestampUsec")).isEqualTo(Long.toString(NOW.getEpochSecond() * 1_000_000));
        }

        @Test
        void accountsAreFoundOnlyOnceFunded() {
            start();
            TestWallet wallet = TestWallet.seeded(1);
            assertNodeError(http.get("/accounts/" + wallet.address), 404, "account_not_found");

            sandbox.fundWallet(wallet.address, BigDecimal.ZERO, 5);

            NodeHttp.Reply reply = http.get("/accounts/" + wallet.address);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json()).containsEntry("sequence_number", "0").containsEntry("authentication_key", wallet.address);
            assertNodeError(http.get("/accounts/0xnothex"), 400, "invalid_input");
        }

        @Test
        void gasPricesAreNumbers() {
            start();
            assertThat(http.get("/estimate_gas_price").json()).containsEntry("gas_estimate", 100.0)
                    .containsEntry("deprioritized_gas_estimate", 100.0).containsEntry("prioritized_gas_estimate", 150.0);
        }

        @Test
        @SuppressWarnings("unchecked")
        void publishesTheModuleAbiInTheNodesShape() {
            start();
            NodeHttp.Reply reply = http.get("/accounts/" + TestTransaction.MODULE + "/module/perpetual_scripts");
            assertThat(reply.status()).isEqualTo(200);
            assertThat((String) reply.json().get("bytecode")).startsWith("0xa11ceb0b");
            Map<String, Object> abi = (Map<String, Object>) reply.json().get("abi");
            assertThat(abi).containsEntry("address", TestTransaction.MODULE).containsEntry("name", "perpetual_scripts")
                    .containsEntry("friends", List.of()).containsEntry("structs", List.of());
            List<Map<String, Object>> functions = (List<Map<String, Object>>) abi.get("exposed_functions");
            Map<String, Object> deposit = functions.stream().filter(f -> f.get("name").equals("deposit")).findFirst().orElseThrow();
            assertThat(deposit).containsEntry("visibility", "public").containsEntry("is_entry", true)
                    .containsEntry("is_view", false).containsEntry("params", List.of("&signer", "u64"))
                    .containsEntry("return", List.of())
                    .containsEntry("generic_type_params", List.of(Map.of("constraints", List.of())));
            assertThat(functions).hasSize(module.entryFunctions().size());

            assertNodeError(http.get("/accounts/" + TestTransaction.MODULE + "/module/coin"), 404, "module_not_found");
            assertNodeError(http.get("/accounts/0x1/module/perpetual_scripts"), 404, "module_not_found");
        }

        @Test
        void unknownHashesAndPathsAreNotFound() {
            start();
            assertNodeError(http.get("/transactions/by_hash/0x" + "ab".repeat(32)), 404, "transaction_not_found");
            assertNodeError(http.get("/transactions/wait_by_hash/0x" + "ab".repeat(32)), 404, "transaction_not_found");
            assertNodeError(http.get("/transactions/by_hash/0x12"), 400, "invalid_input");
            assertThat(http.get("/blocks/by_height/1").status()).isEqualTo(404);
        }
    }

    @Nested
    class Submission {

        @Test
        @SuppressWarnings("unchecked")
        void acceptsTheSdkSignedVectorAndRunsItThroughTheModule() {
            start(2, Duration.ofMillis(2));
            Map<String, Object> vector = SigningVectors.named("place_limit_order_pattern_key_testnet");
            String sender = (String) SigningVectors.inputs(vector).get("sender");
            sandbox.fundWallet(sender, BigDecimal.ZERO, TEN_APT);

            NodeHttp.Reply reply = http.submit(SigningVectors.signedBytes(vector));

            assertThat(reply.status()).isEqualTo(202);
            String hash = (String) SigningVectors.outputs(vector).get("transactionHash");
            assertThat(reply.json()).containsEntry("type", "pending_transaction").containsEntry("hash", hash)
                    .containsEntry("sender", sender).containsEntry("sequence_number", "0")
                    .containsEntry("max_gas_amount", "200000").containsEntry("gas_unit_price", "100")
                    .containsEntry("expiration_timestamp_secs", "1735689600");
            Map<String, Object> payload = (Map<String, Object>) reply.json().get("payload");
            assertThat(payload).containsEntry("type", "entry_function_payload")
                    .containsEntry("function", TestTransaction.MODULE + "::perpetual_scripts::place_limit_order")
                    .containsEntry("type_arguments", List.of())
                    .containsEntry("arguments", List.of("1", true, false, "1000000", "65000000000", "10", 0.0, "0", "0"));
            assertThat((Map<String, Object>) reply.json().get("signature"))
                    .containsEntry("type", "ed25519_signature")
                    .containsEntry("public_key", SigningVectors.outputs(vector).get("publicKey"));

            Map<String, Object> committed = http.committed(hash);
            assertThat(committed).containsEntry("success", true).containsEntry("vm_status", "Executed successfully")
                    .containsEntry("version", "1").containsEntry("hash", hash).containsKey("timestamp");
            assertThat(module.calls).singleElement().satisfies(call -> {
                assertThat(call.sender()).isEqualTo(sender);
                assertThat(call.function()).isEqualTo("place_limit_order");
                assertThat(call.args()).containsExactly(BigInteger.ONE, true, false, BigInteger.valueOf(1_000_000),
                        BigInteger.valueOf(65_000_000_000L), BigInteger.TEN, BigInteger.ZERO, BigInteger.ZERO,
                        BigInteger.ZERO);
            });
            assertThat(http.get("/accounts/" + sender).json()).containsEntry("sequence_number", "1");
        }

        @Test
        void chargesGasUsedTimesPriceInOctas() {
            start();
            TestWallet wallet = funded(2);
            TestTransaction tx = new TestTransaction(wallet, 0, EXPIRATION);
            tx.gasUnitPrice = 150;
            assertThat(http.submit(tx.signed()).status()).isEqualTo(202);

            Map<String, Object> committed = http.committed(tx.hash());

            long gasUsed = Long.parseLong((String) committed.get("gas_used"));
            assertThat(gasUsed).isPositive();
            assertThat(sandbox.aptBalanceOctas(wallet.address)).isEqualTo(TEN_APT - gasUsed * 150);
        }

        @Test
        void aForgedSignatureIsInvalidSignature() {
            start();
            TestWallet wallet = funded(3);
            byte[] signed = new TestTransaction(wallet, 0, EXPIRATION).signed();
            signed[signed.length - 1] ^= 0x01;
            assertVmError(http.submit(signed), 1, "INVALID_SIGNATURE");
        }

        @Test
        void aKeyThatIsNotTheAccountsIsInvalidAuthKey() {
            start();
            TestWallet wallet = funded(4);
            TestTransaction tx = new TestTransaction(wallet, 0, EXPIRATION);
            tx.signer = TestWallet.seeded(99); // a valid signature, by someone else's key
            assertVmError(http.submit(tx.signed()), 2, "INVALID_AUTH_KEY");
        }

        @Test
        void anotherChainsTransactionIsBadChainId() {
            start();
            TestTransaction tx = new TestTransaction(funded(5), 0, EXPIRATION);
            tx.chainId = 2;
            assertVmError(http.submit(tx.signed()), 23, "BAD_CHAIN_ID");
        }

        @Test
        void anExpiredTransactionIsTransactionExpired() {
            start();
            TestWallet wallet = funded(6);
            assertVmError(http.submit(new TestTransaction(wallet, 0, NOW.getEpochSecond()).signed()), 6,
                    "TRANSACTION_EXPIRED");
            assertVmError(http.submit(new TestTransaction(wallet, 0, 1735689600L - 86_400 * 365).signed()), 6,
                    "TRANSACTION_EXPIRED");
        }

        @Test
        void tooLittleAptForTheMaximumFeeIsInsufficientBalance() {
            start();
            TestWallet wallet = TestWallet.seeded(7);
            sandbox.fundWallet(wallet.address, BigDecimal.ZERO, 200_000L * 100 - 1);
            assertVmError(http.submit(new TestTransaction(wallet, 0, EXPIRATION).signed()), 5,
                    "INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE");
        }

        @Test
        void anUnknownSenderDoesNotExist() {
            start();
            assertVmError(http.submit(new TestTransaction(TestWallet.seeded(8), 0, EXPIRATION).signed()), 7,
                    "SENDING_ACCOUNT_DOES_NOT_EXIST");
        }

        @Test
        void gasOutsideTheNodesBoundsIsRefused() {
            start();
            TestWallet wallet = funded(9);
            TestTransaction cheap = new TestTransaction(wallet, 0, EXPIRATION);
            cheap.gasUnitPrice = 99;
            assertVmError(http.submit(cheap.signed()), 15, "GAS_UNIT_PRICE_BELOW_MIN_BOUND");
            TestTransaction huge = new TestTransaction(wallet, 0, EXPIRATION);
            huge.maxGasAmount = 2_000_001;
            assertVmError(http.submit(huge.signed()), 13, "MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND");
        }

        @Test
        void malformedBcsIsInvalidInput() {
            start();
            byte[] signed = new TestTransaction(funded(10), 0, EXPIRATION).signed();
            for (byte[] body : List.of(new byte[0], java.util.Arrays.copyOf(signed, 50),
                    java.util.Arrays.copyOf(signed, signed.length + 3))) {
                NodeHttp.Reply reply = http.submit(body);
                assertNodeError(reply, 400, "invalid_input");
                assertThat((String) reply.json().get("message")).startsWith("Failed to deserialize input into SignedTransaction: ");
                assertThat(reply.json().get("vm_error_code")).isNull();
            }
        }

        @Test
        void onlyTheBcsContentTypeIsTaken() {
            start();
            byte[] signed = new TestTransaction(funded(11), 0, EXPIRATION).signed();
            NodeHttp.Reply reply = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(sandbox.nodeUrl() + "/transactions"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(signed)));
            assertThat(reply.status()).isEqualTo(415);
        }

        @Test
        void aReplayedSequenceNumberIsTooOld() {
            start();
            TestWallet wallet = funded(12);
            TestTransaction first = new TestTransaction(wallet, 0, EXPIRATION);
            assertThat(http.submit(first.signed()).status()).isEqualTo(202);
            http.committed(first.hash());

            TestTransaction replay = new TestTransaction(wallet, 0, EXPIRATION).function("collapse_position", TestBcs.u64Arg(2));
            NodeHttp.Reply reply = http.submit(replay.signed());

            assertNodeError(reply, 400, "sequence_number_too_old");
            // aptos-core's mempool message, double space included.
            assertThat(reply.json()).containsEntry("message", "transaction sequence number is 0, current sequence number is  1");
            // The identical bytes after commit: a node answers the same, and nothing runs twice.
            assertNodeError(http.submit(first.signed()), 400, "sequence_number_too_old");
            assertThat(module.calls).hasSize(1);
        }
    }

    @Nested
    class Mempool {

        @Test
        void aPendingTransactionIsVisibleThenCommits() {
            start(4, Duration.ofMillis(300));
            TestTransaction tx = new TestTransaction(funded(20), 0, EXPIRATION);
            assertNodeError(http.get("/transactions/by_hash/" + tx.hash()), 404, "transaction_not_found");

            assertThat(http.submit(tx.signed()).status()).isEqualTo(202);

            NodeHttp.Reply pending = http.get("/transactions/by_hash/" + tx.hash());
            assertThat(pending.status()).isEqualTo(200);
            assertThat(pending.json()).containsEntry("type", "pending_transaction").containsEntry("hash", tx.hash())
                    .doesNotContainKey("version");
            NodeHttp.Reply waited = http.get("/transactions/wait_by_hash/" + tx.hash());
            assertThat(waited.json()).containsEntry("type", "user_transaction").containsEntry("success", true);
            assertThat(http.get("/transactions/by_hash/" + tx.hash()).json()).isEqualTo(waited.json());
        }

        @Test
        void identicalResubmissionWhilePendingIsAcceptedOnceAndRunsOnce() {
            start(4, Duration.ofMillis(200));
            TestWallet wallet = funded(21);
            TestTransaction tx = new TestTransaction(wallet, 0, EXPIRATION);

            NodeHttp.Reply first = http.submit(tx.signed());
            NodeHttp.Reply second = http.submit(tx.signed());

            assertThat(first.status()).isEqualTo(202);
            assertThat(second.status()).isEqualTo(202);
            assertThat(second.json()).containsEntry("hash", first.json().get("hash"));
            http.committed(tx.hash());
            assertThat(module.calls).hasSize(1);
            assertThat(http.get("/accounts/" + wallet.address).json()).containsEntry("sequence_number", "1");
        }

        @Test
        void aDifferentTransactionForAPendingSequenceNumberIsAnInvalidUpdate() {
            start(4, Duration.ofMillis(200));
            TestWallet wallet = funded(22);
            assertThat(http.submit(new TestTransaction(wallet, 0, EXPIRATION).signed()).status()).isEqualTo(202);

            TestTransaction changed = new TestTransaction(wallet, 0, EXPIRATION).function("collapse_position", TestBcs.u64Arg(9));
            NodeHttp.Reply reply = http.submit(changed.signed());

            assertNodeError(reply, 400, "invalid_transaction_update");
            assertThat(reply.json()).containsEntry("message", "Transaction already in mempool with a different payload");
        }

        @Test
        void aHigherGasPriceReplacesThePendingTransaction() {
            start(4, Duration.ofMillis(200));
            TestWallet wallet = funded(23);
            TestTransaction original = new TestTransaction(wallet, 0, EXPIRATION);
            TestTransaction bumped = new TestTransaction(wallet, 0, EXPIRATION);
            bumped.gasUnitPrice = 200;
            assertThat(http.submit(original.signed()).status()).isEqualTo(202);

            assertThat(http.submit(bumped.signed()).status()).isEqualTo(202);

            assertThat(http.committed(bumped.hash())).containsEntry("gas_unit_price", "200");
            assertNodeError(http.get("/transactions/by_hash/" + original.hash()), 404, "transaction_not_found");
            assertThat(module.calls).hasSize(1);
        }

        @Test
        void aSequenceGapWaitsThenCommitsInOrder() {
            start();
            TestWallet wallet = funded(24);
            List<TestTransaction> txs = new ArrayList<>();
            for (int seq = 0; seq < 3; seq++) {
                txs.add(new TestTransaction(wallet, seq, EXPIRATION).function("collapse_position", TestBcs.u64Arg(100 + seq)));
            }
            assertThat(http.submit(txs.get(2).signed()).status()).isEqualTo(202);
            assertThat(http.submit(txs.get(1).signed()).status()).isEqualTo(202);
            // Nothing can commit while sequence number 0 is missing.
            assertThat(http.get("/transactions/by_hash/" + txs.get(1).hash()).json()).containsEntry("type", "pending_transaction");
            assertThat(module.calls).isEmpty();

            assertThat(http.submit(txs.get(0).signed()).status()).isEqualTo(202);

            Map<String, Object> last = http.committed(txs.get(2).hash());
            assertThat(module.calls).extracting(call -> call.args().get(0))
                    .containsExactly(BigInteger.valueOf(100), BigInteger.valueOf(101), BigInteger.valueOf(102));
            assertThat(http.committed(txs.get(0).hash())).containsEntry("version", "1");
            assertThat(last).containsEntry("version", "3").containsEntry("sequence_number", "2");
        }

        @Test
        void aFullAccountMempoolIsMempoolIsFull() {
            sandbox = KanaSandbox.builder().clock(clock).mempoolCapacityPerAccount(3)
                    .module(chain -> module = new FakePerpsModule(chain)).start();
            http = new NodeHttp(sandbox.nodeUrl());
            TestWallet wallet = funded(25);
            for (int seq = 1; seq <= 3; seq++) {
                assertThat(http.submit(new TestTransaction(wallet, seq, EXPIRATION).signed()).status()).isEqualTo(202);
            }

            NodeHttp.Reply full = http.submit(new TestTransaction(wallet, 4, EXPIRATION).signed());

            assertNodeError(full, 507, "mempool_is_full");
            assertThat(full.json()).containsEntry("message",
                    "Mempool over capacity for account. Number of transactions from account: 3 Capacity per account: 3");
        }

        @Test
        void aTransactionThatExpiresWhileWaitingIsForgotten() {
            start();
            TestWallet wallet = funded(26);
            TestTransaction waiting = new TestTransaction(wallet, 1, NOW.getEpochSecond() + 10);
            assertThat(http.submit(waiting.signed()).status()).isEqualTo(202);

            clock.advance(Duration.ofSeconds(10));

            assertNodeError(http.get("/transactions/by_hash/" + waiting.hash()), 404, "transaction_not_found");
            TestTransaction zero = new TestTransaction(wallet, 0, NOW.getEpochSecond() + 60);
            assertThat(http.submit(zero.signed()).status()).isEqualTo(202);
            http.committed(zero.hash());
            assertThat(module.calls).hasSize(1);
        }
    }

    @Nested
    class Execution {

        @Test
        void anAbortIsACommittedFailureThatConsumesTheSequenceNumberAndCharges() {
            start();
            TestWallet wallet = funded(30);
            module.aborts.put("collapse_position",
                    PerpsModule.ExecutionResult.abort("E_NO_POSITION", 7, "no position to collapse"));
            TestTransaction tx = new TestTransaction(wallet, 0, EXPIRATION);
            assertThat(http.submit(tx.signed()).status()).isEqualTo(202);

            Map<String, Object> committed = http.committed(tx.hash());

            assertThat(committed).containsEntry("success", false).containsEntry("vm_status",
                    "Move abort in " + TestTransaction.MODULE + "::perpetual_scripts: E_NO_POSITION(0x7): no position to collapse");
            long gasUsed = Long.parseLong((String) committed.get("gas_used"));
            assertThat(sandbox.aptBalanceOctas(wallet.address)).isEqualTo(TEN_APT - gasUsed * 100);
            assertThat(http.get("/accounts/" + wallet.address).json()).containsEntry("sequence_number", "1");
        }

        @Test
        void theAbortLocationDropsLeadingZerosLikeANode() {
            sandbox = KanaSandbox.builder().clock(clock).commitDelay(Duration.ZERO).module(chain -> module = new FakePerpsModule(chain, "0xa11ce")).start();
            http = new NodeHttp(sandbox.nodeUrl());
            module.aborts.put("collapse_position", PerpsModule.ExecutionResult.abort("E_PAUSED", 0x10, "paused"));
            TestTransaction tx = new TestTransaction(funded(31), 0, EXPIRATION);
            tx.moduleAddress = "0xa11ce";
            http.submit(tx.signed());

            assertThat(http.committed(tx.hash()))
                    .containsEntry("vm_status", "Move abort in 0xa11ce::perpetual_scripts: E_PAUSED(0x10): paused");
        }

        @Test
        void callsThatDoNotMatchTheAbiFailWithoutReachingTheModule() {
            start();
            TestWallet wallet = funded(32);
            List<TestTransaction> txs = new ArrayList<>();
            txs.add(new TestTransaction(wallet, 0, EXPIRATION).function("collapse_position"));
            txs.add(new TestTransaction(wallet, 1, EXPIRATION).function("place_limit_order", TestBcs.u64Arg(1),
                    new byte[] {2}, TestBcs.boolArg(false), TestBcs.u64Arg(1), TestBcs.u64Arg(1), TestBcs.u64Arg(1),
                    TestBcs.u8Arg(0), TestBcs.u64Arg(0), TestBcs.u64Arg(0)));
            txs.add(new TestTransaction(wallet, 2, EXPIRATION).function("no_such_function", TestBcs.u64Arg(1)));
            TestTransaction otherModule = new TestTransaction(wallet, 3, EXPIRATION);
            otherModule.moduleName = "coin";
            txs.add(otherModule);
            TestTransaction typeArgument = new TestTransaction(wallet, 4, EXPIRATION);
            typeArgument.typeArguments.add(new byte[] {1});
            txs.add(typeArgument);
            txs.forEach(tx -> assertThat(http.submit(tx.signed()).status()).isEqualTo(202));

            assertThat(txs.stream().map(tx -> http.committed(tx.hash())).map(c -> c.get("vm_status")))
                    .containsExactly("NUMBER_OF_ARGUMENTS_MISMATCH", "FAILED_TO_DESERIALIZE_ARGUMENT",
                            "FUNCTION_RESOLUTION_FAILURE", "LINKER_ERROR", "NUMBER_OF_TYPE_ARGUMENTS_MISMATCH");
            assertThat(module.calls).isEmpty();
            assertThat(http.get("/accounts/" + wallet.address).json()).containsEntry("sequence_number", "5");
        }

        @Test
        void tooLittleMaxGasRunsOutOfGasWithoutRunning() {
            start();
            TestTransaction tx = new TestTransaction(funded(33), 0, EXPIRATION);
            tx.maxGasAmount = 10;
            http.submit(tx.signed());

            assertThat(http.committed(tx.hash())).containsEntry("success", false).containsEntry("vm_status", "Out of gas")
                    .containsEntry("gas_used", "10");
            assertThat(module.calls).isEmpty();
        }

        @Test
        void theBlockTimestampComesFromTheChainClock() {
            start();
            TestTransaction tx = new TestTransaction(funded(34), 0, EXPIRATION);
            http.submit(tx.signed());

            assertThat(http.committed(tx.hash())).containsEntry("timestamp", Long.toString(NOW.getEpochSecond() * 1_000_000));
            assertThat(module.calls).singleElement()
                    .satisfies(call -> assertThat(call.timestampMicros()).isEqualTo(NOW.getEpochSecond() * 1_000_000));
        }

        @Test
        void theModuleRunsEachTransactionAtItsLedgerVersion() {
            start();
            TestWallet wallet = funded(35);
            List<TestTransaction> txs = List.of(new TestTransaction(wallet, 0, EXPIRATION),
                    new TestTransaction(wallet, 1, EXPIRATION).function("no_such_function", TestBcs.u64Arg(1)),
                    new TestTransaction(wallet, 2, EXPIRATION));
            txs.forEach(tx -> http.submit(tx.signed()));

            List<String> versions = txs.stream().map(tx -> (String) http.committed(tx.hash()).get("version")).toList();

            assertThat(versions).containsExactly("1", "2", "3");
            assertThat(module.calls).extracting(FakePerpsModule.Call::version).containsExactly(1L, 3L);
        }
    }

    @Nested
    class Simulation {

        @Test
        void aValidSignatureIsRefused() {
            start();
            NodeHttp.Reply reply = http.post("/transactions/simulate", new TestTransaction(funded(40), 0, EXPIRATION).signed());
            assertNodeError(reply, 400, "invalid_input");
            assertThat(reply.json()).containsEntry("message", "Simulated transactions must not have a valid signature");
        }

        /** Simulates with a zeroed signature, as the SDKs do, and returns the one result. */
        @SuppressWarnings("unchecked")
        Map<String, Object> simulated(TestTransaction tx) {
            tx.zeroSignature = true;
            NodeHttp.Reply reply = http.post("/transactions/simulate", tx.signed());
            assertThat(reply.status()).isEqualTo(200);
            List<Map<String, Object>> results = (List<Map<String, Object>>) reply.body();
            assertThat(results).hasSize(1);
            return results.get(0);
        }

        @Test
        void aZeroSignatureSimulatesWithoutChangingAnything() {
            start();
            TestWallet wallet = funded(41);

            Map<String, Object> result = simulated(new TestTransaction(wallet, 0, EXPIRATION));

            assertThat(result).containsEntry("type", "user_transaction").containsEntry("success", true)
                    .containsEntry("vm_status", "Executed successfully").containsEntry("version", "1")
                    .containsKey("gas_used");
            assertThat(module.simulations).singleElement().satisfies(call -> {
                assertThat(call.function()).isEqualTo("collapse_position");
                assertThat(call.args()).containsExactly(BigInteger.ONE);
                assertThat(call.timestampMicros()).isEqualTo(NOW.getEpochSecond() * 1_000_000);
            });
            assertThat(module.calls).isEmpty();
            assertThat(sandbox.aptBalanceOctas(wallet.address)).isEqualTo(TEN_APT);
            assertThat(http.get("/accounts/" + wallet.address).json()).containsEntry("sequence_number", "0");
            assertThat(http.get("").json()).containsEntry("ledger_version", "0");
        }

        @Test
        void aModuleAbortComesBackAsTheCommittedTransactionWouldWithItsGas() {
            start();
            TestWallet wallet = funded(44);
            module.aborts.put("collapse_position",
                    PerpsModule.ExecutionResult.abort("E_INSUFFICIENT_MARGIN", 4, "needs more"));
            TestTransaction tx = new TestTransaction(wallet, 0, EXPIRATION);

            Map<String, Object> simulated = simulated(tx);

            assertThat(simulated).containsEntry("success", false).containsEntry("vm_status",
                    "Move abort in " + TestTransaction.MODULE + "::perpetual_scripts: E_INSUFFICIENT_MARGIN(0x4): needs more")
                    .containsEntry("gas_used", "400");
            assertThat(sandbox.aptBalanceOctas(wallet.address)).isEqualTo(TEN_APT);
            assertThat(http.get("/accounts/" + wallet.address).json()).containsEntry("sequence_number", "0");
            tx.zeroSignature = false;
            http.submit(tx.signed());
            assertThat(http.committed(tx.hash())).containsEntry("success", false)
                    .containsEntry("vm_status", simulated.get("vm_status")).containsEntry("gas_used", "400");
        }

        @Test
        void tooLittleMaxGasRunsOutOfGasWithoutTheModule() {
            start();
            TestTransaction tx = new TestTransaction(funded(45), 0, EXPIRATION);
            tx.maxGasAmount = 10;

            assertThat(simulated(tx)).containsEntry("success", false).containsEntry("vm_status", "Out of gas")
                    .containsEntry("gas_used", "10");
            assertThat(module.simulations).isEmpty();
        }

        @Test
        void prologueFailuresComeBackAsFailedResults() {
            start();
            TestWallet wallet = funded(42);

            assertThat(simulated(new TestTransaction(wallet, 5, EXPIRATION)))
                    .containsEntry("success", false).containsEntry("vm_status", "SEQUENCE_NUMBER_TOO_NEW");
            assertThat(simulated(new TestTransaction(wallet, 0, EXPIRATION).function("nope")))
                    .containsEntry("success", false).containsEntry("vm_status", "FUNCTION_RESOLUTION_FAILURE");
            assertThat(simulated(new TestTransaction(TestWallet.seeded(43), 0, EXPIRATION)))
                    .containsEntry("success", false).containsEntry("vm_status", "SENDING_ACCOUNT_DOES_NOT_EXIST");
        }
    }
}
