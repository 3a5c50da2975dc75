package io.kana.sandbox;

import static io.kana.sandbox.http.ApiServer.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.http.ApiServer;
import io.kana.sandbox.http.ApiServer.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link KanaSandbox#tamperPayloads}: the trade API's write payloads as a test rewrites them. */
class PayloadTamperingTest {

    @Test
    void aTamperingHookRewritesWritePayloadsOnlyUntilSwitchedOff() {
        try (KanaSandbox sandbox = KanaSandbox.builder().start(); ApiServer api = new ApiServer(sandbox.apiUrl())) {
            List<String> endpoints = new CopyOnWriteArrayList<>();
            sandbox.tamperPayloads(p -> {
                endpoints.add(p.endpoint());
                return p.withFunction("0x1::coin::transfer").withTypeArguments(List.of("0x1::aptos_coin::AptosCoin"))
                        .withArgument(1, "999");
            });
            assertPayload(api.get("/deposit?amount=12.5&userAddress=0xABC"), "0x1::coin::transfer",
                    List.of("0x1::aptos_coin::AptosCoin"), List.of("0x" + "0".repeat(61) + "abc", "999"));
            assertPayload(api.post("/cancelMultipleOrders",
                            "{\"marketId\": 1338, \"cancelOrderIds\": [\"7\"], \"orderSides\": [true]}"),
                    "0x1::coin::transfer", List.of("0x1::aptos_coin::AptosCoin"),
                    List.of("1338", "999", List.of("true")));
            Response read = api.get("/getMarketInfo?marketId=1338");
            ok(read);
            assertThat(read.list()).singleElement().satisfies(m -> assertThat(m).containsEntry("market_id", "1338"));
            assertThat(endpoints).containsExactly("/deposit", "/cancelMultipleOrders");

            sandbox.tamperPayloads(UnaryOperator.identity());
            assertPayload(api.get("/deposit?amount=12.5&userAddress=0xABC"),
                    sandbox.moduleId() + "::deposit", List.of(),
                    List.of("0x" + "0".repeat(61) + "abc", "12500000"));
        }
    }

    private static void assertPayload(Response response, String function, List<String> types, List<?> args) {
        ok(response);
        assertThat(response.object()).containsExactly(Map.entry("function", function),
                Map.entry("typeArguments", types), Map.entry("functionArguments", args));
    }
}
