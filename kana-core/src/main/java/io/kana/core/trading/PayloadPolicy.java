package io.kana.core.trading;

import io.kana.core.contract.OperationContract;
import io.kana.core.contract.Parameter;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a payload from the trade API must look like before the wallet signs it: a function of the
 * configured Kana module (never the Aptos framework or any other module), the operation's function
 * as the contract names it (its proven name, or one of its candidates), no type arguments, and
 * exactly the arguments the caller asked for, one per Move parameter of the contract.
 *
 * <p>The trade API builds the payloads; this check is what stops a compromised or buggy API from
 * getting a {@code 0x1::coin::transfer}, another market or a larger order signed.
 *
 * @param moduleAddress the account that published the module
 * @param moduleName    the module, {@code perpetual_scripts}
 */
public record PayloadPolicy(AccountAddress moduleAddress, String moduleName) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("[0-9]+");
    private static final int MAX_SHOWN = 120;

    public PayloadPolicy {
        Objects.requireNonNull(moduleAddress, "moduleAddress");
        Objects.requireNonNull(moduleName, "moduleName");
        if (!IDENTIFIER.matcher(moduleName).matches()) {
            throw new InvalidRequestException("moduleName", "a Move module name is an identifier, got '" + moduleName + "'");
        }
    }

    /**
     * The policy for a module id {@code <address>::<module>}, as a contract's {@code module} line
     * names it (see {@code KanaContract#moduleId}).
     */
    public static PayloadPolicy forModule(String moduleId) {
        String[] parts = Objects.requireNonNull(moduleId, "moduleId").split("::", -1);
        if (parts.length != 2) {
            throw new InvalidRequestException("module", "a module id is <address>::<module>, got '" + moduleId + "'");
        }
        return new PayloadPolicy(AccountAddress.parse(parts[0]), parts[1]);
    }

    /** The module id, {@code <address>::<module>}. */
    public String moduleId() {
        return moduleAddress + "::" + moduleName;
    }

    /**
     * Checks {@code payload} against the call the caller asked for.
     *
     * @param operation         the operation's contract, naming the function and its parameters
     * @param expectedArguments one value per parameter of the operation's function: {@link Boolean},
     *                          an integral {@link Number} (u8 to u128), {@link AccountAddress}, or a
     *                          {@link List} of those. The payload's arguments are compared by meaning
     *                          ({@code "1338"} equals {@code 1338}, {@code "true"} equals {@code true}).
     *                          An order id must arrive as an exact integer: a JSON float is refused.
     * @throws PayloadRejectedException naming the first difference, expected vs actual
     */
    public void verify(OperationContract operation, List<?> expectedArguments, EntryFunctionPayload payload) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(payload, "payload");
        List<Parameter> parameters = operation.parameters();
        if (expectedArguments.size() != parameters.size()) {
            throw new IllegalArgumentException(operation.operation() + " takes " + parameters.size() + " arguments, "
                    + expectedArguments.size() + " expected values given");
        }
        String function = payload.function();
        checkModule(function);
        if (!operation.accepts(payload.functionName())) {
            throw new PayloadRejectedException(function, "expected function " + (operation.functionNames().size() == 1
                    ? operation.likeliestFunction() : "one of " + operation.functionNames()) + " for "
                    + operation.operation() + ", got " + payload.functionName());
        }
        if (!payload.typeArguments().isEmpty()) {
            throw new PayloadRejectedException(function, "expected no type arguments, got " + payload.typeArguments());
        }
        List<Object> actual = payload.functionArguments();
        if (actual.size() != parameters.size()) {
            List<String> names = parameters.stream().map(Parameter::name).toList();
            throw new PayloadRejectedException(function, "expected " + names.size() + " arguments " + names
                    + ", got " + actual.size() + ": " + show(actual));
        }
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            String difference = difference(expectedArguments.get(i), actual.get(i), parameter.isOrderId());
            if (difference != null) {
                throw new PayloadRejectedException(function, "argument " + (i + 1) + " (" + parameter.name() + ") "
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

    /**
     * Null when {@code actual} means {@code expected}; otherwise what differs. {@code exact}: a
     * floating-point JSON number is refused even when it rounds to the expected integer.
     */
    private static String difference(Object expected, Object actual, boolean exact) {
        if (expected instanceof List<?> expectedList) {
            if (!(actual instanceof List<?> actualList)) {
                return "expected a vector " + show(expectedList) + ", got " + show(actual);
            }
            if (actualList.size() != expectedList.size()) {
                return "expected " + expectedList.size() + " elements " + show(expectedList) + ", got "
                        + actualList.size() + ": " + show(actualList);
            }
            for (int i = 0; i < expectedList.size(); i++) {
                String difference = difference(expectedList.get(i), actualList.get(i), exact);
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
            if (exact && isFloat(actual)) {
                return "expected " + expected + ", got the floating-point number " + show(actual)
                        + ": precision was lost (an order id must arrive as an integer or a string of digits)";
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
            return UNSIGNED_DECIMAL.matcher(text).matches() ? new BigInteger(text) : null;
        }
        if (value instanceof BigInteger i) {
            return i;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            try {
                // Doubles go through their shortest decimal form; one that cannot hold a large u64/u128
                // exactly differs from the expected value and is rejected, which is the safe side.
                BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(number.toString());
                return decimal.toBigIntegerExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isFloat(Object value) {
        return value instanceof Double || value instanceof Float
                || (value instanceof BigDecimal decimal && decimal.scale() != 0);
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
