package io.kana.aptos.bcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.AccountAddress;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** decode(encode(x)) == x for every BCS type, with nothing left over. */
class BcsRoundTripPropertyTest {

    @Property
    void u8(@ForAll @IntRange(min = 0, max = 255) int v) {
        assertThat(roundTrip(new BcsWriter().u8(v), BcsReader::u8)).isEqualTo(v);
    }

    @Property
    void u16(@ForAll @IntRange(min = 0, max = 65535) int v) {
        assertThat(roundTrip(new BcsWriter().u16(v), BcsReader::u16)).isEqualTo(v);
    }

    @Property
    void u32(@ForAll("u32s") long v) {
        assertThat(roundTrip(new BcsWriter().u32(v), BcsReader::u32)).isEqualTo(v);
    }

    @Property
    void u64(@ForAll long bits) {
        assertThat(roundTrip(new BcsWriter().u64(bits), BcsReader::u64)).isEqualTo(bits);
        BigInteger unsigned = new BigInteger(Long.toUnsignedString(bits));
        assertThat(new BcsWriter().u64(unsigned).toByteArray()).isEqualTo(new BcsWriter().u64(bits).toByteArray());
    }

    @Property
    void u128(@ForAll("u128s") BigInteger v) {
        assertThat(roundTrip(new BcsWriter().u128(v), BcsReader::u128)).isEqualTo(v);
    }

    @Property
    void u256(@ForAll("u256s") BigInteger v) {
        assertThat(roundTrip(new BcsWriter().u256(v), BcsReader::u256)).isEqualTo(v);
    }

    @Property
    void bool(@ForAll boolean v) {
        assertThat(roundTrip(new BcsWriter().bool(v), BcsReader::bool)).isEqualTo(v);
    }

    @Property
    void uleb128(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int v) {
        assertThat(roundTrip(new BcsWriter().uleb128(v), BcsReader::uleb128)).isEqualTo(v);
    }

    @Property
    void bytes(@ForAll @Size(max = 300) byte[] v) {
        assertThat(roundTrip(new BcsWriter().bytes(v), BcsReader::bytes)).isEqualTo(v);
    }

    @Property
    void string(@ForAll("strings") String v) {
        assertThat(roundTrip(new BcsWriter().string(v), BcsReader::string)).isEqualTo(v);
    }

    @Property
    void address(@ForAll @Size(32) byte[] raw) {
        AccountAddress address = AccountAddress.ofBytes(raw);
        assertThat(roundTrip(new BcsWriter().address(address), BcsReader::address)).isEqualTo(address);
    }

    @Property
    void vectorOfU64(@ForAll @Size(max = 200) List<Long> v) {
        BcsReader reader = new BcsReader(new BcsWriter().vector(v, BcsWriter::u64).toByteArray());
        assertThat(reader.vector(BcsReader::u64)).isEqualTo(v);
        reader.finish();
    }

    @Property
    void nestedVectorOfStrings(@ForAll @Size(max = 5) List<@Size(max = 5) List<@From("strings") String>> v) {
        BcsReader reader = new BcsReader(new BcsWriter()
                .vector(v, (w, inner) -> w.vector(inner, BcsWriter::string)).toByteArray());
        assertThat(reader.vector(r -> r.vector(BcsReader::string))).isEqualTo(v);
        reader.finish();
    }

    @Property
    void option(@ForAll Optional<@From("u128s") BigInteger> v) {
        BcsReader reader = new BcsReader(new BcsWriter().option(v.orElse(null), BcsWriter::u128).toByteArray());
        assertThat(reader.option(BcsReader::u128)).isEqualTo(v);
        reader.finish();
    }

    @Property
    void structAndEnumVariant(@ForAll @IntRange(min = 0, max = 1000) int variant, @ForAll long amount,
            @ForAll("strings") String memo) {
        // An enum variant index followed by a struct's fields, in order and without a header.
        byte[] bytes = new BcsWriter().variant(variant).u64(amount).string(memo).bool(true).toByteArray();
        BcsReader reader = new BcsReader(bytes);
        assertThat(reader.variant()).isEqualTo(variant);
        assertThat(reader.u64()).isEqualTo(amount);
        assertThat(reader.string()).isEqualTo(memo);
        assertThat(reader.bool()).isTrue();
        reader.finish();
    }

    private static <T> T roundTrip(BcsWriter writer, BcsReader.Decoder<T> decoder) {
        BcsReader reader = new BcsReader(writer.toByteArray());
        T value = decoder.read(reader);
        reader.finish();
        return value;
    }

    @Provide
    Arbitrary<Long> u32s() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    @Provide
    Arbitrary<BigInteger> u128s() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE))
                .edgeCases(c -> c.includeOnly(BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)));
    }

    @Provide
    Arbitrary<BigInteger> u256s() {
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    }

    @Provide
    Arbitrary<String> strings() {
        // Any Unicode scalar values (ASCII, multi-byte, supplementary), never a lone surrogate.
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 0x7F)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x80, 0x10FFFF)
                        .filter(cp -> cp < 0xD800 || cp > 0xDFFF)));
        return codePoints.list().ofMaxSize(150)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }
}
