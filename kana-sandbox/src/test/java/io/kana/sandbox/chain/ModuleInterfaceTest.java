package io.kana.sandbox.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.http.NodeJson;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Resolving the SDK vectors' calls against the ABI: the values the module gets and the JSON a node shows. */
class ModuleInterfaceTest {

    private final ModuleInterface abi = new ModuleInterface(new FakePerpsModule(null));

    private ModuleInterface.Call resolve(String vectorName) {
        SignedTransaction tx = SignedTransaction.decode(SigningVectors.signedBytes(SigningVectors.named(vectorName)));
        return (ModuleInterface.Call) abi.resolve(tx.payload());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> jsonArguments(String vectorName, ModuleInterface.Call call) {
        SignedTransaction tx = SignedTransaction.decode(SigningVectors.signedBytes(SigningVectors.named(vectorName)));
        Map<String, Object> pending = NodeJson.pending(new SandboxNode.Pending(tx, call, 0, 0));
        return (List<Object>) ((Map<String, Object>) pending.get("payload")).get("arguments");
    }

    @Test
    void stringsOptionsAndAddresses() {
        ModuleInterface.Call some = resolve("set_referral_some");
        assertThat(some.arguments().get(0)).isInstanceOf(String.class).asString().hasSize(66);
        assertThat(some.arguments().get(1)).isInstanceOf(String.class);
        assertThat(some.arguments().get(2)).isInstanceOf(Optional.class).isNotEqualTo(Optional.empty());
        assertThat(jsonArguments("set_referral_some", some).get(2)).isInstanceOf(Map.class)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("vec");

        ModuleInterface.Call none = resolve("set_referral_none");
        assertThat(none.arguments().get(2)).isEqualTo(Optional.empty());
        assertThat(jsonArguments("set_referral_none", none).get(2)).isEqualTo(Map.of("vec", List.of()));
    }

    @Test
    void objectsAndWideIntegers() {
        ModuleInterface.Call call = resolve("close_position_object_and_wide_ints");
        assertThat(call.arguments().get(0)).isEqualTo(Hex.longAddress("0xa"));
        assertThat(call.arguments().get(4)).isEqualTo(BigInteger.ONE.shiftLeft(64));
        assertThat(call.arguments().get(5)).isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        List<Object> json = jsonArguments("close_position_object_and_wide_ints", call);
        assertThat(json.get(0)).isEqualTo(Map.of("inner", "0xa"));
        assertThat(json.get(2)).isInstanceOf(Long.class); // u16 is a JSON number
        assertThat(json.get(3)).isInstanceOf(Long.class); // u32 is a JSON number
        assertThat(json.get(4)).isEqualTo("18446744073709551616");
    }

    @Test
    void vectorsAndGenerics() {
        ModuleInterface.Call cancel = resolve("cancel_multiple_orders_small");
        assertThat(cancel.arguments().get(1)).isInstanceOf(List.class);
        assertThat((List<?>) cancel.arguments().get(1)).allSatisfy(id -> assertThat(id).isInstanceOf(BigInteger.class));

        ModuleInterface.Call place = resolve("place_multiple_orders_two");
        assertThat((List<?>) place.arguments().get(1)).hasSize(2).allSatisfy(b -> assertThat(b).isInstanceOf(Boolean.class));

        ModuleInterface.Call deposit = resolve("deposit_aptos_coin");
        assertThat(deposit.typeArguments()).containsExactly("0x1::aptos_coin::AptosCoin");
        assertThat(deposit.arguments()).containsExactly(BigInteger.valueOf(100_000_000));
    }
}
