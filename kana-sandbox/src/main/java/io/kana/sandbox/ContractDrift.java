package io.kana.sandbox;

import io.kana.sandbox.chain.PerpsContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Drifted versions of the write contract, for starting a sandbox that behaves like an upgraded chain
 * ({@link KanaSandbox.Builder#contract(String)}): the node's module ABI and the trade API's payloads
 * both follow the drifted text.
 *
 * <pre>{@code
 * String drifted = ContractDrift.renameFunction(ContractDrift.standard(), "PLACE_LIMIT_ORDER", "place_order_v2");
 * try (KanaSandbox sandbox = KanaSandbox.builder().contract(drifted).start()) { ... }
 * }</pre>
 *
 * Each method edits one operation's block of {@code contract} and returns the new text; operations
 * are named as in the file ({@code PLACE_LIMIT_ORDER}).
 */
public final class ContractDrift {

    private ContractDrift() {
    }

    /** The standard contract text: {@code contract/kana-perps.contract}. */
    public static String standard() {
        return PerpsContract.standardText();
    }

    /** The operation's entry function renamed to {@code newName}: its only name, the old ones dropped. */
    public static String renameFunction(String contract, String operation, String newName) {
        Objects.requireNonNull(newName, "newName");
        return edit(contract, operation, (lines, block) -> {
            int at = find(lines, block, "function");
            String[] words = lines.get(at).trim().split("\\s+");
            lines.set(at, "  function " + words[1] + " " + newName);
        });
    }

    /**
     * The operation with one more parameter at the end: a {@code u64} fed by the same source as its
     * first {@code u64} parameter (the market id, or deposit's amount), so the trade API can still fill
     * it and the chain still runs the call, while the function's signature no longer matches.
     */
    public static String addParameter(String contract, String operation) {
        return edit(contract, operation, (lines, block) -> {
            String source = null;
            for (int i : block) {
                String[] words = lines.get(i).trim().split("\\s+");
                if (words[0].equals("arg") && words[1].equals("u64")) {
                    source = words[3];
                    break;
                }
            }
            if (source == null) {
                throw new IllegalArgumentException("operation " + operation + " has no u64 parameter to repeat");
            }
            lines.add(last(lines, block, "arg") + 1, "  arg u64 addedInUpgrade " + source);
        });
    }

    /**
     * The operation with one more parameter at {@code index} (0-based, after {@code &signer}).
     *
     * @param source one of the sources the standard contract gives this operation, or {@code sender}
     */
    public static String addParameter(String contract, String operation, int index, String moveType, String name,
            String source) {
        return edit(contract, operation, (lines, block) -> {
            List<Integer> args = all(lines, block, "arg");
            if (index < 0 || index > args.size()) {
                throw new IllegalArgumentException("operation " + operation + " has " + args.size()
                        + " parameters; an added one goes at 0.." + args.size() + ", not " + index);
            }
            int at = index == args.size() ? args.get(args.size() - 1) + 1 : args.get(index);
            lines.add(at, "  arg " + moveType + " " + name + " " + source);
        });
    }

    /**
     * The operation's parameters rotated by one: the first moves to the end. Its types then differ
     * from the standard's whenever they are not all alike; the sandbox still runs it correctly,
     * because it reads arguments by source, not by position.
     */
    public static String reorderParameters(String contract, String operation) {
        return edit(contract, operation, (lines, block) -> {
            List<Integer> args = all(lines, block, "arg");
            if (args.size() < 2) {
                throw new IllegalArgumentException("operation " + operation + " has fewer than 2 parameters to reorder");
            }
            List<String> texts = new ArrayList<>();
            args.forEach(i -> texts.add(lines.get(i)));
            texts.add(texts.remove(0));
            for (int k = 0; k < args.size(); k++) {
                lines.set(args.get(k), texts.get(k));
            }
        });
    }

    private interface Edit {
        void apply(List<String> lines, List<Integer> block);
    }

    /** Applies {@code edit} to the lines of {@code operation}'s block, and checks the sandbox can run the result. */
    private static String edit(String contract, String operation, Edit edit) {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(operation, "operation");
        List<String> lines = new ArrayList<>(List.of(contract.split("\n", -1)));
        List<Integer> block = new ArrayList<>();
        boolean inside = false;
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).trim().split("\\s+");
            if (words[0].equals("operation")) {
                inside = words.length > 1 && words[1].equals(operation);
            }
            if (inside) {
                block.add(i);
            }
        }
        if (block.isEmpty()) {
            throw new IllegalArgumentException("the contract has no operation " + operation);
        }
        edit.apply(lines, block);
        String result = String.join("\n", lines);
        PerpsContract.parse(result);
        return result;
    }

    private static List<Integer> all(List<String> lines, List<Integer> block, String statement) {
        return block.stream().filter(i -> lines.get(i).trim().startsWith(statement + " ")).toList();
    }

    private static int find(List<String> lines, List<Integer> block, String statement) {
        List<Integer> found = all(lines, block, statement);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the operation has no " + statement + " line");
        }
        return found.get(0);
    }

    private static int last(List<String> lines, List<Integer> block, String statement) {
        List<Integer> found = all(lines, block, statement);
        return found.get(found.size() - 1);
    }
}
