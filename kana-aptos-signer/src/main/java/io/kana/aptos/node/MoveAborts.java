package io.kana.aptos.node;

import io.kana.core.model.MoveAbort;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Move abort out of a failed transaction's {@code vm_status}. The node formats it in
 * aptos-core {@code api/types/src/convert.rs} ({@code explain_vm_status}):
 * <ul>
 *   <li>{@code Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins}</li>
 *   <li>{@code Move abort in 0x1::coin: 0x10006} (module without error descriptions)</li>
 *   <li>{@code Move abort: code 0x1} (abort in a script)</li>
 * </ul>
 * Older nodes and tools print {@code ABORTED { code: 65542, location: 0x1::coin }}; that is read
 * leniently. Anything else yields null: the raw {@code vm_status} is always kept beside it.
 */
final class MoveAborts {

    private static final String CODE = "(0x[0-9a-fA-F]+|[0-9]+)";
    private static final Pattern DESCRIBED = Pattern.compile(
            "Move abort in (\\S+): ([A-Za-z_][A-Za-z0-9_]*)\\(" + CODE + "\\)(?::\\s*(.*))?", Pattern.DOTALL);
    private static final Pattern CODE_ONLY = Pattern.compile("Move abort in (\\S+): " + CODE + "\\s*");
    private static final Pattern SCRIPT = Pattern.compile("Move abort: code " + CODE + "\\s*");
    private static final Pattern ABORTED = Pattern.compile("ABORTED\\b.*", Pattern.DOTALL);
    private static final Pattern ABORTED_CODE = Pattern.compile("code:?\\s*" + CODE);
    private static final Pattern ABORTED_LOCATION =
            Pattern.compile("location:?\\s*(?:Module\\()?((?:0x)?[0-9a-fA-F]+::[A-Za-z_][A-Za-z0-9_]*)");

    /** Where a script, rather than a module, aborted. */
    static final String SCRIPT_LOCATION = "script";

    private MoveAborts() {}

    /** The abort described by {@code vmStatus}, or null when it is not a recognizable Move abort. */
    static MoveAbort parse(String vmStatus) {
        if (vmStatus == null) {
            return null;
        }
        String status = vmStatus.strip();
        try {
            Matcher m = DESCRIBED.matcher(status);
            if (m.matches()) {
                String reason = m.group(4) == null || m.group(4).isBlank() ? null : m.group(4).strip();
                return new MoveAbort(m.group(1), m.group(2), code(m.group(3)), reason);
            }
            m = CODE_ONLY.matcher(status);
            if (m.matches()) {
                return new MoveAbort(m.group(1), null, code(m.group(2)), null);
            }
            m = SCRIPT.matcher(status);
            if (m.matches()) {
                return new MoveAbort(SCRIPT_LOCATION, null, code(m.group(1)), null);
            }
            if (ABORTED.matcher(status).matches()) {
                Matcher code = ABORTED_CODE.matcher(status);
                if (code.find()) {
                    Matcher location = ABORTED_LOCATION.matcher(status);
                    String module = location.find() ? withHexPrefix(location.group(1)) : null;
                    return new MoveAbort(module, null, code(code.group(1)), null);
                }
            }
        } catch (NumberFormatException tooLarge) {
            return null;
        }
        return null;
    }

    /** Abort codes are u64; values above {@code Long.MAX_VALUE} keep their bits (read them unsigned). */
    private static long code(String text) {
        return text.startsWith("0x") || text.startsWith("0X")
                ? Long.parseUnsignedLong(text.substring(2), 16)
                : Long.parseUnsignedLong(text);
    }

    private static String withHexPrefix(String module) {
        return module.startsWith("0x") ? module : "0x" + module;
    }
}
