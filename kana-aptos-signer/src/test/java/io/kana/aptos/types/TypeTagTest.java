package io.kana.aptos.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.aptos.bcs.BcsReader;
import io.kana.aptos.bcs.BcsWriter;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeTagTest {

    private static final String ONE = "00".repeat(31) + "01";

    @ParameterizedTest
    @CsvSource({"bool,00", "u8,01", "u64,02", "u128,03", "address,04", "signer,05", "u16,08", "u32,09",
            "u256,0a", "i8,0b", "i256,10", "vector<u8>,0601", "vector<vector<bool>>,060600"})
    void primitivesAndVectorsEncodeTheirVariantIndex(String type, String hex) {
        assertThat(encode(TypeTag.parse(type))).isEqualTo(hex);
    }

    @Test
    void structEncodesAddressModuleNameAndTypeArguments() {
        assertThat(encode(TypeTag.parse("0x1::aptos_coin::AptosCoin")))
                .isEqualTo("07" + ONE + "0a" + hex("aptos_coin") + "09" + hex("AptosCoin") + "00");
    }

    @Test
    void parsesNestedGenericsWithLongAddresses() {
        String usdc = "0x" + "ab".repeat(32) + "::usdc::USDC";
        TypeTag tag = TypeTag.parse("0x1::coin::CoinStore<" + usdc + ">");
        TypeTag.Struct usdcTag = new TypeTag.Struct(AccountAddress.parse("0x" + "ab".repeat(32)), "usdc", "USDC", List.of());
        assertThat(tag).isEqualTo(new TypeTag.Struct(AccountAddress.parse("0x1"), "coin", "CoinStore", List.of(usdcTag)));
        assertThat(tag.toString()).isEqualTo("0x1::coin::CoinStore<" + usdc + ">");
        assertThat(encode(tag)).isEqualTo("07" + ONE + "04" + hex("coin") + "09" + hex("CoinStore") + "01"
                + "07" + "ab".repeat(32) + "04" + hex("usdc") + "04" + hex("USDC") + "00");
    }

    @Test
    void parsesGenericsReferencesAndSpacing() {
        assertThat(TypeTag.parse("T0")).isEqualTo(new TypeTag.Generic(0));
        assertThat(TypeTag.parse("T12")).isEqualTo(new TypeTag.Generic(12));
        assertThat(TypeTag.parse("&signer")).isEqualTo(new TypeTag.Reference(false, TypeTag.Primitive.SIGNER));
        assertThat(TypeTag.parse("&mut T1")).isEqualTo(new TypeTag.Reference(true, new TypeTag.Generic(1)));
        TypeTag spaced = TypeTag.parse(" 0x1::pair::Pair < u64 ,vector< T0 > > ");
        assertThat(spaced.toString()).isEqualTo("0x1::pair::Pair<u64, vector<T0>>");
        assertThat(spaced.isGeneric()).isTrue();
        assertThat(spaced.substitute(List.of(TypeTag.Primitive.U16)))
                .isEqualTo(TypeTag.parse("0x1::pair::Pair<u64, vector<u16>>"));
        assertThat(TypeTag.parse("0x0000000000000000000000000000000000000000000000000000000000000001::string::String"))
                .hasToString("0x1::string::String");
    }

    @Test
    void abiOnlyTagsHaveNoBcsForm() {
        assertThatThrownBy(() -> encode(TypeTag.parse("T0"))).hasMessageContaining("substitute");
        assertThatThrownBy(() -> encode(TypeTag.parse("&signer"))).hasMessageContaining("no BCS form");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "u63", "vector<u8", "vector<u8, u64>", "vector", "0x1::coin", "0x1::coin::",
            "0x::coin::Coin", "0xg1::coin::Coin", "0x1::coin::Coin<>", "0x1::coin::Coin<u8,>", "0x1::1coin::Coin",
            "u8 u8", "Coin", "T", "T1234567", "vector<u8>>", "0x1::coin::Coin<u8"})
    void malformedStringsAreClearErrors(String text) {
        assertThatThrownBy(() -> TypeTag.parse(text))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Move type");
    }

    @Test
    void errorsPointAtTheProblem() {
        assertThatThrownBy(() -> TypeTag.parse("vector<u8"))
                .hasMessage("malformed Move type 'vector<u8': unexpected end, expected '>' at position 9");
        assertThatThrownBy(() -> TypeTag.parse("0x1::coin::Coin<u63>")).hasMessageContaining("unknown type 'u63'")
                .hasMessageContaining("position 16");
    }

    @Test
    void decodesWhatItEncodes() {
        TypeTag tag = TypeTag.parse("vector<0x1::option::Option<0x1::object::Object<0x1::fungible_asset::Metadata>>>");
        BcsReader reader = new BcsReader(HexFormat.of().parseHex(encode(tag)));
        assertThat(TypeTag.decode(reader)).isEqualTo(tag);
        reader.finish();
    }

    @Test
    void deepNestingIsRefused() {
        assertThatThrownBy(() -> TypeTag.parse("vector<".repeat(100) + "u8" + ">".repeat(100)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nested deeper");
    }

    private static String encode(TypeTag tag) {
        BcsWriter writer = new BcsWriter();
        tag.encode(writer);
        return HexFormat.of().formatHex(writer.toByteArray());
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
