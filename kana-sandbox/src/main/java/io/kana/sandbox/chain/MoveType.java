package io.kana.sandbox.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Move type as the module ABI writes it ({@code u64}, {@code vector<bool>}, {@code
 * 0x1::option::Option<u64>}, {@code T0}, {@code &signer}) or as a transaction's BCS type tag
 * carries it.
 */
public sealed interface MoveType {

    /** The type in the node's text form; struct addresses in AIP-40 standard form. */
    String text();

    /** This type with every generic {@code T<n>} replaced by the n-th type argument. */
    default MoveType substitute(List<MoveType> typeArguments) {
        return this;
    }

    /** Primitive types, named as Move writes them. */
    enum Primitive implements MoveType {
        BOOL, U8, U16, U32, U64, U128, U256, ADDRESS, SIGNER, I8, I16, I32, I64, I128, I256;

        @Override
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Byte width of an integer type; 0 for the others. */
        int width() {
            return switch (this) {
                case U8, I8 -> 1;
                case U16, I16 -> 2;
                case U32, I32 -> 4;
                case U64, I64 -> 8;
                case U128, I128 -> 16;
                case U256, I256 -> 32;
                default -> 0;
            };
        }

        boolean signed() {
            return name().startsWith("I");
        }
    }

    record Vector(MoveType element) implements MoveType {
        @Override
        public String text() {
            return "vector<" + element.text() + ">";
        }

        @Override
        public MoveType substitute(List<MoveType> typeArguments) {
            return new Vector(element.substitute(typeArguments));
        }
    }

    /** A struct; {@code address} is the long form. */
    record Struct(String address, String module, String name, List<MoveType> typeArguments) implements MoveType {
        public Struct {
            typeArguments = List.copyOf(typeArguments);
        }

        boolean is(String moduleName, String structName) {
            return address.equals(Hex.longAddress("0x1")) && module.equals(moduleName) && name.equals(structName);
        }

        @Override
        public String text() {
            StringBuilder out = new StringBuilder(Hex.standardAddress(Hex.address(address)))
                    .append("::").append(module).append("::").append(name);
            if (!typeArguments.isEmpty()) {
                out.append('<');
                for (int i = 0; i < typeArguments.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(typeArguments.get(i).text());
                }
                out.append('>');
            }
            return out.toString();
        }

        @Override
        public MoveType substitute(List<MoveType> arguments) {
            return new Struct(address, module, name, typeArguments.stream().map(t -> t.substitute(arguments)).toList());
        }
    }

    /** A generic type parameter {@code T<index>}. */
    record Generic(int index) implements MoveType {
        @Override
        public String text() {
            return "T" + index;
        }

        @Override
        public MoveType substitute(List<MoveType> typeArguments) {
            return typeArguments.get(index);
        }
    }

    /** {@code &T} or {@code &mut T}; only signer parameters are references in an entry function. */
    record Reference(boolean mutable, MoveType referent) implements MoveType {
        @Override
        public String text() {
            return (mutable ? "&mut " : "&") + referent.text();
        }
    }

    /** True for {@code signer}, {@code &signer}: the parameters a transaction does not pass as arguments. */
    default boolean isSigner() {
        return this == Primitive.SIGNER || this instanceof Reference r && r.referent() == Primitive.SIGNER;
    }

    /**
     * Parses an ABI parameter type.
     *
     * @throws IllegalArgumentException when the text is not a Move type
     */
    static MoveType parse(String text) {
        TypeParser parser = new TypeParser(text);
        MoveType type = parser.type();
        parser.expectEnd();
        return type;
    }

    /** Reads a BCS TypeTag. */
    static MoveType readTag(BcsReader in) {
        int variant = in.uleb128();
        return switch (variant) {
            case 0 -> Primitive.BOOL;
            case 1 -> Primitive.U8;
            case 2 -> Primitive.U64;
            case 3 -> Primitive.U128;
            case 4 -> Primitive.ADDRESS;
            case 5 -> Primitive.SIGNER;
            case 6 -> new Vector(readTag(in));
            case 7 -> {
                String address = Hex.longAddress(in.address());
                String module = in.string();
                String name = in.string();
                int count = in.uleb128();
                List<MoveType> arguments = new ArrayList<>(Math.min(count, 16));
                for (int i = 0; i < count; i++) {
                    arguments.add(readTag(in));
                }
                yield new Struct(address, module, name, arguments);
            }
            case 8 -> Primitive.U16;
            case 9 -> Primitive.U32;
            case 10 -> Primitive.U256;
            case 11 -> Primitive.I8;
            case 12 -> Primitive.I16;
            case 13 -> Primitive.I32;
            case 14 -> Primitive.I64;
            case 15 -> Primitive.I128;
            case 16 -> Primitive.I256;
            default -> throw new BcsReader.BcsException("unknown TypeTag variant " + variant);
        };
    }

    /** A small recursive-descent parser for Move type text. */
    final class TypeParser {
        private final String text;
        private int at;

        TypeParser(String text) {
            this.text = text;
        }

        MoveType type() {
            skipSpaces();
            if (text.startsWith("&", at)) {
                at++;
                boolean mutable = word("mut ");
                return new Reference(mutable, type());
            }
            String token = identifierOrAddress();
            if (token.equals("vector")) {
                expect('<');
                MoveType element = type();
                expect('>');
                return new Vector(element);
            }
            if (token.startsWith("0x") || token.matches("[0-9a-fA-F]+") && text.startsWith("::", at)) {
                return struct(token);
            }
            if (token.matches("T\\d+")) {
                return new Generic(Integer.parseInt(token.substring(1)));
            }
            for (Primitive p : Primitive.values()) {
                if (p.text().equals(token)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown Move type '" + token + "' in '" + text + "'");
        }

        private MoveType struct(String address) {
            expect(':');
            expect(':');
            String module = identifierOrAddress();
            expect(':');
            expect(':');
            String name = identifierOrAddress();
            List<MoveType> arguments = new ArrayList<>();
            if (consume('<')) {
                arguments.add(type());
                while (consume(',')) {
                    arguments.add(type());
                }
                expect('>');
            }
            return new Struct(Hex.longAddress(address), module, name, arguments);
        }

        private String identifierOrAddress() {
            skipSpaces();
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("expected a name at " + start + " in '" + text + "'");
            }
            return text.substring(start, at);
        }

        private boolean word(String w) {
            if (text.startsWith(w, at)) {
                at += w.length();
                return true;
            }
            return false;
        }

        private boolean consume(char c) {
            skipSpaces();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " in '" + text + "'");
            }
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }

        void expectEnd() {
            skipSpaces();
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected '" + text.substring(at) + "' in '" + text + "'");
            }
        }
    }
}
