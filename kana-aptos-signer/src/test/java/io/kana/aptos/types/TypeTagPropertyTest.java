package io.kana.aptos.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.aptos.bcs.BcsReader;
import io.kana.aptos.bcs.BcsWriter;
import io.kana.core.model.AccountAddress;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(print(t)) == t and decode(encode(t)) == t for random, nested type tags. */
class TypeTagPropertyTest {

    @Property
    void printThenParseGivesTheSameTag(@ForAll("concreteTags") TypeTag tag) {
        assertThat(TypeTag.parse(tag.toString())).isEqualTo(tag);
    }

    @Property
    void encodeThenDecodeGivesTheSameTag(@ForAll("concreteTags") TypeTag tag) {
        BcsWriter writer = new BcsWriter();
        tag.encode(writer);
        BcsReader reader = new BcsReader(writer.toByteArray());
        assertThat(TypeTag.decode(reader)).isEqualTo(tag);
        reader.finish();
    }

    @Property
    void substitutingEveryParameterLeavesNoGeneric(@ForAll("genericTags") TypeTag tag,
            @ForAll("concreteTags") TypeTag argument) {
        TypeTag concrete = tag.substitute(List.of(argument, argument, argument));
        assertThat(concrete.isGeneric()).isFalse();
        assertThat(TypeTag.parse(tag.toString())).isEqualTo(tag);
    }

    @Provide
    Arbitrary<TypeTag> concreteTags() {
        return tags(false);
    }

    @Provide
    Arbitrary<TypeTag> genericTags() {
        return tags(true);
    }

    private static Arbitrary<TypeTag> tags(boolean generics) {
        Arbitrary<TypeTag> leaves = Arbitraries.of(TypeTag.Primitive.values()).map(p -> (TypeTag) p);
        if (generics) {
            leaves = Arbitraries.oneOf(leaves, Arbitraries.integers().between(0, 2).map(TypeTag.Generic::new));
        }
        Arbitrary<TypeTag> base = leaves;
        return Arbitraries.recursive(() -> base, inner -> Arbitraries.oneOf(
                inner.map(TypeTag.Vector::new),
                struct(inner)), 0, 4);
    }

    private static Arbitrary<TypeTag> struct(Arbitrary<TypeTag> inner) {
        Arbitrary<AccountAddress> addresses = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 15).map(i -> AccountAddress.parse("0x" + Integer.toHexString(i))),
                Arbitraries.bytes().array(byte[].class).ofSize(32).map(AccountAddress::ofBytes));
        Arbitrary<String> identifiers = Arbitraries.strings().withCharRange('a', 'z').withChars('_', 'A', 'Z', '0')
                .ofMinLength(1).ofMaxLength(12).filter(s -> !Character.isDigit(s.charAt(0)));
        return net.jqwik.api.Combinators.combine(addresses, identifiers, identifiers, inner.list().ofMaxSize(3))
                .as((address, module, name, arguments) -> new TypeTag.Struct(address, module, name, arguments));
    }
}
