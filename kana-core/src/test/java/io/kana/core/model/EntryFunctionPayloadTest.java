package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryFunctionPayloadTest {

    static final String FUNCTION =
            "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts::cancel_multiple_orders";

    @Test
    void splitsTheFunctionId() {
        EntryFunctionPayload payload = new EntryFunctionPayload(FUNCTION, List.of(), List.of("15"));

        assertThat(payload.moduleAddress()).isEqualTo(
                AccountAddress.parse("0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6"));
        assertThat(payload.moduleName()).isEqualTo("perpetual_scripts");
        assertThat(payload.functionName()).isEqualTo("cancel_multiple_orders");
        assertThat(new EntryFunctionPayload("0x1::coin::transfer", null, null).moduleAddress())
                .isEqualTo(AccountAddress.parse("0x1"));
    }

    @Test
    void aFunctionIdHasThreeParts() {
        for (String bad : List.of("0x1::coin", "0x1::coin::transfer::x", "transfer")) {
            assertThatThrownBy(() -> new EntryFunctionPayload(bad, List.of(), List.of())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an entry function is <address>::<module>::<function>, got '" + bad + "'");
        }
        assertThatThrownBy(() -> new EntryFunctionPayload(null, List.of(), List.of())).hasMessage("function");
    }

    @Test
    void keepsArgumentsAsGivenIncludingNestedListsAndNulls() {
        List<Object> arguments = Arrays.asList("15", true, BigInteger.TEN, new BigDecimal("1.5"), null,
                List.of("161668980614256490457451450", "1"), Arrays.asList(List.of(true), null));

        EntryFunctionPayload payload = new EntryFunctionPayload(FUNCTION, null, arguments);

        assertThat(payload.typeArguments()).isEmpty();
        assertThat(payload.functionArguments()).isEqualTo(arguments);
        assertThat(payload.functionArguments().get(4)).isNull();
        assertThat(payload.functionArguments().get(6)).isEqualTo(Arrays.asList(List.of(true), null));
    }

    @Test
    void isImmutableAndIndependentOfTheCallersLists() {
        List<Object> inner = new ArrayList<>(List.of("1", "2"));
        List<Object> arguments = new ArrayList<>(List.of("15", inner));
        List<String> typeArguments = new ArrayList<>(List.of("0x1::aptos_coin::AptosCoin"));

        EntryFunctionPayload payload = new EntryFunctionPayload(FUNCTION, typeArguments, arguments);
        inner.add("3");
        arguments.add("x");
        typeArguments.clear();

        assertThat(payload.functionArguments()).containsExactly("15", List.of("1", "2"));
        assertThat(payload.typeArguments()).containsExactly("0x1::aptos_coin::AptosCoin");
        assertThatThrownBy(() -> payload.functionArguments().add("y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(payload.functionArguments().get(1)).isInstanceOfSatisfying(List.class, nested ->
                assertThatThrownBy(() -> nested.clear()).isInstanceOf(UnsupportedOperationException.class));
        assertThatThrownBy(() -> payload.typeArguments().add("z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyJsonValuesAreArguments() {
        assertThatThrownBy(() -> new EntryFunctionPayload(FUNCTION, List.of(), List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> new EntryFunctionPayload(FUNCTION, List.of(), List.of(List.of(new StringBuilder()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
    }

    @Test
    void equalPayloadsAreEqual() {
        assertThat(new EntryFunctionPayload(FUNCTION, List.of(), List.of("15", List.of(true))))
                .isEqualTo(new EntryFunctionPayload(FUNCTION, null, new ArrayList<>(List.of("15", List.of(true)))));
    }
}
