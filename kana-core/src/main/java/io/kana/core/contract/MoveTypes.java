package io.kana.core.contract;

import java.util.Set;

/** The Move types a contract may name: unsigned integers, bool, address and vectors of them. */
final class MoveTypes {

    private static final Set<String> SCALARS = Set.of("bool", "u8", "u16", "u32", "u64", "u128", "u256", "address");
    private static final String VECTOR = "vector<";

    private MoveTypes() {}

    /** Without whitespace, as nodes write types. */
    static String canonical(String type) {
        return type.replaceAll("\\s+", "");
    }

    static boolean known(String type) {
        String canonical = canonical(type);
        return SCALARS.contains(canonical) || (isVector(canonical) && known(element(canonical)));
    }

    static boolean isVector(String type) {
        return type.startsWith(VECTOR) && type.endsWith(">");
    }

    static String element(String vectorType) {
        return vectorType.substring(VECTOR.length(), vectorType.length() - 1);
    }

    static boolean isInteger(String type) {
        return type.matches("u(8|16|32|64|128|256)");
    }

    static String describeKnown() {
        return "bool, u8, u16, u32, u64, u128, u256, address or vector<...> of them";
    }
}
