package io.kana.aptos.types;

import io.kana.aptos.bcs.BcsException;
import io.kana.aptos.bcs.BcsReader;
import io.kana.aptos.bcs.BcsWriter;
import io.kana.core.model.AccountAddress;
import java.util.List;
import java.util.Objects;

/**
 * A Move type. {@code toString()} prints the canonical form that {@link #parse(String)} reads back
 * (struct addresses short for {@code 0x0..0xf}, long otherwise; type arguments separated by
 * {@code ", "}).
 *
 * <p>{@link Generic} ({@code T0}) and {@link Reference} ({@code &signer}) appear only in ABIs: they
 * have no BCS form.
 */
public sealed interface TypeTag permits TypeTag.Primitive, TypeTag.Vector, TypeTag.Struct, TypeTag.Generic,
        TypeTag.Reference {

    /** Parses a Move type string; a malformed one is an {@link io.kana.core.error.InvalidRequestException}. */
    static TypeTag parse(String text) {
        return TypeTagParser.parse(text);
    }

    /** Writes the BCS form: the ULEB128 variant index, then the body (inner tag or struct tag). */
    void encode(BcsWriter writer);

    /** Reads a BCS-encoded type tag. */
    static TypeTag decode(BcsReader reader) {
        int variant = reader.variant();
        if (variant == Vector.VARIANT) {
            return new Vector(decode(reader));
        }
        if (variant == Struct.VARIANT) {
            AccountAddress address = reader.address();
            String module = reader.string();
            String name = reader.string();
            return new Struct(address, module, name, reader.vector(TypeTag::decode));
        }
        return Primitive.ofVariant(variant);
    }

    /** The tag with every {@code T<n>} replaced by {@code typeArguments.get(n)}. */
    default TypeTag substitute(List<TypeTag> typeArguments) {
        return this;
    }

    /** Whether {@code T<n>} occurs anywhere inside. */
    default boolean isGeneric() {
        return false;
    }

    /** The types without parameters, each a fixed variant index. */
    enum Primitive implements TypeTag {
        BOOL("bool", 0), U8("u8", 1), U64("u64", 2), U128("u128", 3), ADDRESS("address", 4),
        SIGNER("signer", 5), U16("u16", 8), U32("u32", 9), U256("u256", 10),
        I8("i8", 11), I16("i16", 12), I32("i32", 13), I64("i64", 14), I128("i128", 15), I256("i256", 16);

        private static final Primitive[] BY_VARIANT = new Primitive[17];

        static {
            for (Primitive p : values()) {
                BY_VARIANT[p.variant] = p;
            }
        }

        private final String moveName;
        private final int variant;

        Primitive(String moveName, int variant) {
            this.moveName = moveName;
            this.variant = variant;
        }

        /** The BCS variant index. */
        public int variant() {
            return variant;
        }

        static Primitive ofVariant(int variant) {
            if (variant < 0 || variant >= BY_VARIANT.length || BY_VARIANT[variant] == null) {
                throw new BcsException("unknown TypeTag variant " + variant);
            }
            return BY_VARIANT[variant];
        }

        static Primitive ofName(String name) {
            for (Primitive p : values()) {
                if (p.moveName.equals(name)) {
                    return p;
                }
            }
            return null;
        }

        @Override
        public void encode(BcsWriter writer) {
            writer.variant(variant);
        }

        @Override
        public String toString() {
            return moveName;
        }
    }

    /** {@code vector<element>}. */
    record Vector(TypeTag element) implements TypeTag {
        static final int VARIANT = 6;

        public Vector {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public void encode(BcsWriter writer) {
            writer.variant(VARIANT);
            element.encode(writer);
        }

        @Override
        public TypeTag substitute(List<TypeTag> typeArguments) {
            return isGeneric() ? new Vector(element.substitute(typeArguments)) : this;
        }

        @Override
        public boolean isGeneric() {
            return element.isGeneric();
        }

        @Override
        public String toString() {
            return "vector<" + element + ">";
        }
    }

    /** {@code address::module::Name<typeArguments...>}. */
    record Struct(AccountAddress address, String module, String name, List<TypeTag> typeArguments)
            implements TypeTag {
        static final int VARIANT = 7;
        private static final AccountAddress FRAMEWORK = AccountAddress.parse("0x1");

        public Struct {
            Objects.requireNonNull(address, "address");
            MoveIdentifier.require(module, "module name");
            MoveIdentifier.require(name, "struct name");
            typeArguments = List.copyOf(typeArguments);
        }

        /** {@code 0x1::string::String}. */
        public boolean isString() {
            return isFramework("string", "String");
        }

        /** {@code 0x1::option::Option<T>}. */
        public boolean isOption() {
            return isFramework("option", "Option") && typeArguments.size() == 1;
        }

        /** {@code 0x1::object::Object<T>}, encoded as an address. */
        public boolean isObject() {
            return isFramework("object", "Object") && typeArguments.size() == 1;
        }

        private boolean isFramework(String moduleName, String structName) {
            return name.equals(structName) && module.equals(moduleName) && address.equals(FRAMEWORK);
        }

        @Override
        public void encode(BcsWriter writer) {
            writer.variant(VARIANT);
            writer.address(address);
            writer.string(module);
            writer.string(name);
            writer.uleb128(typeArguments.size());
            for (TypeTag argument : typeArguments) {
                argument.encode(writer);
            }
        }

        @Override
        public TypeTag substitute(List<TypeTag> arguments) {
            if (!isGeneric()) {
                return this;
            }
            return new Struct(address, module, name, typeArguments.stream().map(t -> t.substitute(arguments)).toList());
        }

        @Override
        public boolean isGeneric() {
            for (TypeTag argument : typeArguments) {
                if (argument.isGeneric()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(address.toShortString()).append("::").append(module)
                    .append("::").append(name);
            if (!typeArguments.isEmpty()) {
                out.append('<');
                for (int i = 0; i < typeArguments.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(typeArguments.get(i));
                }
                out.append('>');
            }
            return out.toString();
        }
    }

    /** The n-th type parameter of a generic function, {@code T<index>}; ABI only. */
    record Generic(int index) implements TypeTag {

        public Generic {
            if (index < 0) {
                throw new IllegalArgumentException("a type parameter index is >= 0, got " + index);
            }
        }

        @Override
        public void encode(BcsWriter writer) {
            throw new BcsException("type parameter " + this + " has no BCS form: substitute a type argument first");
        }

        @Override
        public TypeTag substitute(List<TypeTag> typeArguments) {
            if (index >= typeArguments.size()) {
                throw new IllegalArgumentException(
                        this + " needs at least " + (index + 1) + " type arguments, got " + typeArguments.size());
            }
            return typeArguments.get(index);
        }

        @Override
        public boolean isGeneric() {
            return true;
        }

        @Override
        public String toString() {
            return "T" + index;
        }
    }

    /** {@code &referent} or {@code &mut referent}; ABI only (e.g. {@code &signer}). */
    record Reference(boolean mutable, TypeTag referent) implements TypeTag {

        public Reference {
            Objects.requireNonNull(referent, "referent");
        }

        @Override
        public void encode(BcsWriter writer) {
            throw new BcsException("reference type " + this + " has no BCS form");
        }

        @Override
        public TypeTag substitute(List<TypeTag> typeArguments) {
            return isGeneric() ? new Reference(mutable, referent.substitute(typeArguments)) : this;
        }

        @Override
        public boolean isGeneric() {
            return referent.isGeneric();
        }

        @Override
        public String toString() {
            return (mutable ? "&mut " : "&") + referent;
        }
    }
}
