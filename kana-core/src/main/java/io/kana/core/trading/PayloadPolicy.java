package io.kana.core.trading;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.NumberBounds;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a payload from the trade API must look like before the wallet signs it: a function of the
 * configured Kana module (never the Aptos framework or any other module), the function of the
 * requested operation, no type arguments, and exactly the arguments the caller asked for.
 *
 * <p>The trade API builds the payloads; this check is what stops a compromised or buggy API from
 * getting a {@code 0x1::coin::transfer}, another market or a larger order signed.
 *
 * @param moduleAddress the account that published the module
 * @param moduleName    the module, {@code perpetual_scripts}
 */
public record PayloadPolicy(AccountAddress moduleAddress, String moduleName) {

    private static final String KANA_MODULE = "perpetual_scripts";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("[0-9]+");
    private static final int MAX_SHOWN = 120;

    /** Kana's module on Aptos mainnet. */
    public static final PayloadPolicy MAINNET = forPublisher(
            AccountAddress.parse("0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6"));

    public PayloadPolicy {
        Objects.requireNonNull(moduleAddress, "moduleAddress");
        Objects.requireNonNull(moduleName, "moduleName");
        if (!IDENTIFIER.matcher(moduleName).matches()) {
            throw new InvalidRequestException("moduleName", "a Move module name is an identifier, got '" + moduleName + "'");
        }
    }

    /** Kana's {@code perpetual_scripts} module as published by {@code publisher} (testnet, sandbox). */
    public static PayloadPolicy forPublisher(AccountAddress publisher) {
        return new PayloadPolicy(publisher, KANA_MODULE);
    }

    /** The module id, {@code <address>::<module>}. */
    public String moduleId() {
        return moduleAddress + "::" + moduleName;
    }

    /**
     * Checks {@code payload} against the call the caller asked for.
     *
     * @param operation         the operation, naming the function and its arguments
     * @param expectedArguments one value per argument of the operation's function: {@link Boolean},
     *                          an integral {@link Number} (u8 to u128), {@link AccountAddress}, or a
     *                          {@link List} of those. The payload's arguments are compared by meaning
     *                          ({@code "1338"} equals {@code 1338}, {@code "true"} equals {@code true}).
     * @throws PayloadRejectedException naming the first difference, expected vs actual
     */
    public void verify(TradeOperation operation, List<?> expectedArguments, EntryFunctionPayload payload) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(payload, "payload");
        List<String> names = operation.argumentNames();
        if (expectedArguments.size() != names.size()) {
            throw new IllegalArgumentException(operation + " takes " + names.size() + " arguments, "
                    + expectedArguments.size() + " expected values given");
        }
        String function = payload.function();
        checkModule(function);
        if (!payload.functionName().equals(operation.functionName())) {
            throw new PayloadRejectedException(function, "expected function " + operation.functionName()
                    + " for " + operation + ", got " + payload.functionName());
        }
        if (!payload.typeArguments().isEmpty()) {
            throw new PayloadRejectedException(function, "expected no type arguments, got " + payload.typeArguments());
        }
        List<Object> actual = payload.functionArguments();
        if (actual.size() != names.size()) {
            throw new PayloadRejectedException(function, "expected " + names.size() + " arguments " + names
                    + ", got " + actual.size() + ": " + show(actual));
        }
        for (int i = 0; i < names.size(); i++) {
            String difference = difference(expectedArguments.get(i), actual.get(i));
            if (difference != null) {
                throw new PayloadRejectedException(function, "argument " + (i + 1) + " (" + names.get(i) + ") "
                        + difference);
            }
        }
    }

    private void checkModule(String function) {
        AccountAddress address;
        try {
            address = AccountAddress.parse(function.substring(0, function.indexOf("::")));
        } catch (InvalidRequestException e) {
            throw new PayloadRejectedException(function, "its module address is not an account address; only "
                    + moduleId() + " is allowed");
        }
        String module = function.split("::", -1)[1];
        if (!address.equals(moduleAddress) || !module.equals(moduleName)) {
            String framework = address.toShortString().length() <= 3 ? " (an Aptos framework module)" : "";
            throw new PayloadRejectedException(function, "it calls " + address.toShortString() + "::" + module
                    + framework + "; only functions of " + moduleId() + " are signed");
        }
    }

    /** Null when {@code actual} means {@code expected}; otherwise what differs. */
    private static String difference(Object expected, Object actual) {
        if (expected instanceof List<?> expectedList) {
            if (!(actual instanceof List<?> actualList)) {
                return "expected a vector " + show(expectedList) + ", got " + show(actual);
            }
            if (actualList.size() != expectedList.size()) {
                return "expected " + expectedList.size() + " elements " + show(expectedList) + ", got "
                        + actualList.size() + ": " + show(actualList);
            }
            for (int i = 0; i < expectedList.size(); i++) {
                String difference = difference(expectedList.get(i), actualList.get(i));
                if (difference != null) {
                    return "element " + i + ": " + difference;
                }
            }
            return null;
        }
        Object meaning;
        if (expected instanceof Boolean) {
            meaning = asBoolean(actual);
        } else if (expected instanceof AccountAddress) {
            meaning = asAddress(actual);
        } else if (expected instanceof Number number) {
            expected = asInteger(number);
            if (expected == null) {
                throw new IllegalArgumentException("an expected number is an integer, got " + number);
            }
            meaning = asInteger(actual);
        } else {
            throw new IllegalArgumentException("an expected argument is a Boolean, an integer, an AccountAddress "
                    + "or a List, got " + (expected == null ? "null" : expected.getClass().getName()));
        }
        return expected.equals(meaning) ? null : "expected " + expected + ", got " + show(actual);
    }

    private static Boolean asBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value)) {
            return Boolean.TRUE;
        }
        return "false".equals(value) ? Boolean.FALSE : null;
    }

    private static AccountAddress asAddress(Object value) {
        if (value instanceof String text) {
            try {
                return AccountAddress.parse(text);
            } catch (InvalidRequestException e) {
                return null;
            }
        }
        return null;
    }

    /** The integer a JSON value means, or null when it means none (fractions, words, booleans). */
    private static BigInteger asInteger(Object value) {
        if (value instanceof String text) {
            return text.length() <= NumberBounds.MAX_TEXT && UNSIGNED_DECIMAL.matcher(text).matches()
                    ? new BigInteger(text) : null;
        }
        if (value instanceof BigInteger i) {
            return i.bitLength() <= NumberBounds.MAX_BITS ? i : null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            try {
                // Doubles go through their shortest decimal form; one that cannot hold a large u64/u128
                // exactly differs from the expected value and is rejected, which is the safe side.
                BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(number.toString());
                // 1e100000000 would expand into a hundred million digits: it is no u128 anyway.
                return NumberBounds.tame(decimal) ? decimal.toBigIntegerExact() : null;
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String show(Object value) {
        String shown;
        if (value instanceof String text) {
            shown = '"' + text + '"';
        } else if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object element : list) {
                if (out.length() > 1) {
                    out.append(", ");
                }
                out.append(show(element));
            }
            shown = out.append(']').toString();
        } else {
            shown = String.valueOf(value);
        }
        return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN - 3) + "...";
    }
}
