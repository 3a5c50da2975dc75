package io.kana.sandbox.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoveTypeTest {

    @Test
    void parsesAbiParameterTypesAndPrintsThemBack() {
        for (String text : List.of("u8", "u256", "bool", "address", "&signer", "vector<u128>", "vector<vector<u8>>",
                "0x1::string::String", "0x1::option::Option<u64>",
                "0x1::object::Object<0x1::fungible_asset::Metadata>", "T0")) {
            assertThat(MoveType.parse(text).text()).isEqualTo(text);
        }
    }

    @Test
    void recognisesSignersAndSubstitutesGenerics() {
        assertThat(MoveType.parse("&signer").isSigner()).isTrue();
        assertThat(MoveType.parse("signer").isSigner()).isTrue();
        assertThat(MoveType.parse("address").isSigner()).isFalse();
        assertThat(MoveType.parse("vector<T1>").substitute(List.of(MoveType.Primitive.U8, MoveType.Primitive.BOOL)))
                .isEqualTo(new MoveType.Vector(MoveType.Primitive.BOOL));
    }

    @Test
    void readsNestedGenericTypeTags() {
        // 0x1::coin::Coin<vector<0x1::aptos_coin::AptosCoin>>
        byte[] tag = new TestBcs().uleb(7).address("0x1").string("coin").string("Coin").uleb(1)
                .uleb(6).uleb(7).address("0x1").string("aptos_coin").string("AptosCoin").uleb(0).toByteArray();
        assertThat(MoveType.readTag(new BcsReader(tag)).text())
                .isEqualTo("0x1::coin::Coin<vector<0x1::aptos_coin::AptosCoin>>");
    }

    @Test
    void rejectsWhatIsNotAType() {
        assertThatThrownBy(() -> MoveType.parse("u63")).hasMessageContaining("unknown Move type 'u63'");
        assertThatThrownBy(() -> MoveType.parse("vector<u8")).hasMessageContaining("expected '>'");
        assertThatThrownBy(() -> MoveType.readTag(new BcsReader(new byte[] {42}))).hasMessageContaining("variant 42");
    }
}
