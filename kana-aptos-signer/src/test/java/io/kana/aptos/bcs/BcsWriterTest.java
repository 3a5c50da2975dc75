package io.kana.aptos.bcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.model.AccountAddress;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BcsWriterTest {

    private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final BigInteger U256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    @ParameterizedTest
    @CsvSource({"0,00", "1,01", "127,7f", "128,8001", "130,8201", "255,ff01", "16383,ff7f", "16384,808001",
            "2147483647,ffffffff07"})
    void uleb128MatchesTheSpecAcrossByteBoundaries(int value, String hex) {
        assertThat(hex(new BcsWriter().uleb128(value))).isEqualTo(hex);
        assertThat(new BcsReader(HexFormat.of().parseHex(hex)).uleb128()).isEqualTo(value);
    }

    @Test
    void integersAreLittleEndianAndFixedWidth() {
        assertThat(hex(new BcsWriter().u8(0xab))).isEqualTo("ab");
        assertThat(hex(new BcsWriter().u16(0x1234))).isEqualTo("3412");
        assertThat(hex(new BcsWriter().u32(0x12345678L))).isEqualTo("78563412");
        assertThat(hex(new BcsWriter().u64(0x0102030405060708L))).isEqualTo("0807060504030201");
        assertThat(hex(new BcsWriter().u64(-1L))).isEqualTo("ffffffffffffffff");
        assertThat(hex(new BcsWriter().u64(new BigInteger("18446744073709551615")))).isEqualTo("ffffffffffffffff");
        assertThat(hex(new BcsWriter().u128(BigInteger.ONE.shiftLeft(64))))
                .isEqualTo("0000000000000000" + "0100000000000000");
        assertThat(hex(new BcsWriter().u128(U128_MAX))).isEqualTo("ff".repeat(16));
        assertThat(hex(new BcsWriter().u256(U256_MAX))).isEqualTo("ff".repeat(32));
        assertThat(hex(new BcsWriter().u256(BigInteger.valueOf(258)))).isEqualTo("0201" + "00".repeat(30));
        assertThat(hex(new BcsWriter().u128(-1L, 0L))).isEqualTo("ff".repeat(8) + "00".repeat(8));
    }

    @Test
    void outOfRangeIntegersAreRejectedWithTheRange() {
        assertThatThrownBy(() -> new BcsWriter().u8(256)).isInstanceOf(BcsException.class).hasMessageContaining("0..255");
        assertThatThrownBy(() -> new BcsWriter().u16(-1)).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> new BcsWriter().u32(1L << 32)).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> new BcsWriter().u64(BigInteger.ONE.shiftLeft(64))).isInstanceOf(BcsException.class)
                .hasMessageContaining("u64");
        assertThatThrownBy(() -> new BcsWriter().u128(U128_MAX.add(BigInteger.ONE))).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> new BcsWriter().u256(BigInteger.ONE.negate())).isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> new BcsWriter().uleb128(-1)).isInstanceOf(BcsException.class);
    }

    @Test
    void sequencesCarryUleb128Lengths() {
        assertThat(hex(new BcsWriter().bool(true).bool(false))).isEqualTo("0100");
        assertThat(hex(new BcsWriter().string("alice"))).isEqualTo("05616c696365");
        // "é" is two UTF-8 bytes: 64 of them make 128 bytes, a two-byte length.
        assertThat(hex(new BcsWriter().string("é".repeat(64)))).isEqualTo("8001" + "c3a9".repeat(64));
        assertThat(hex(new BcsWriter().string(""))).isEqualTo("00");
        assertThat(hex(new BcsWriter().bytes(new byte[130]))).isEqualTo("8201" + "00".repeat(130));
        assertThat(hex(new BcsWriter().vector(List.of(1, 2), (w, v) -> w.u16(v)))).isEqualTo("0201000200");
        assertThat(hex(new BcsWriter().option((Long) null, (BcsWriter w, Long v) -> w.u64(v)))).isEqualTo("00");
        assertThat(hex(new BcsWriter().option(5L, BcsWriter::u64))).isEqualTo("01" + "0500000000000000");
        assertThat(hex(new BcsWriter().address(AccountAddress.parse("0x1")))).isEqualTo("00".repeat(31) + "01");
    }

    @Test
    void growsPastItsInitialCapacityAndResets() {
        BcsWriter writer = new BcsWriter(1);
        for (int i = 0; i < 1000; i++) {
            writer.u64(i);
        }
        assertThat(writer.size()).isEqualTo(8000);
        assertThat(new BcsReader(writer.toByteArray()).u64()).isZero();
        assertThat(writer.toByteArray(8 * 999, 8)).isEqualTo(new BcsWriter().u64(999).toByteArray());
        assertThat(writer.reset().size()).isZero();
    }

    private static String hex(BcsWriter writer) {
        return HexFormat.of().formatHex(writer.toByteArray());
    }
}
