package io.kana.core.contract;

import java.util.List;
import java.util.Map;

/** Renders a contract as the generated section of {@code docs/wire-contract.md}. */
final class ContractDocs {

    static final String BEGIN = "<!-- contract:begin -->";
    static final String END = "<!-- contract:end -->";

    private ContractDocs() {}

    /** The section between (and including) the markers. */
    static String section(KanaContract contract) {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        out.append("Generated from `contract/kana-perps.contract`; edit the contract, not this table ")
                .append("(`ContractDocsTest` prints the section to paste).\n\n");
        out.append("Modules:");
        for (Map.Entry<String, String> module : contract.modules().entrySet()) {
            out.append(" ").append(module.getKey()).append(" `").append(module.getValue()).append("`;");
        }
        out.setLength(out.length() - 1);
        out.append(".\n\n");
        out.append("| operation | endpoint | function | Move params after &signer ← source | evidence | open |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (OperationContract operation : contract.operations().values()) {
            out.append("| ").append(operation.operation())
                    .append(" | ").append(operation.endpoint().method()).append(' ').append(operation.endpoint().path())
                    .append(operation.endpoint().parameters().isEmpty() ? ""
                            : " (" + String.join(", ", operation.endpoint().parameters()) + ")")
                    .append(" | ").append(functions(operation))
                    .append(" | ").append(parameters(operation.parameters()))
                    .append(" | ").append(cell(operation.evidence()))
                    .append(" | ").append(operation.open().isEmpty() ? "—" : cell(operation.open()))
                    .append(" |\n");
        }
        return out.append(END).toString();
    }

    private static String functions(OperationContract operation) {
        StringBuilder out = new StringBuilder();
        for (String name : operation.functionNames()) {
            out.append(out.length() == 0 ? "" : " or ").append('`').append(name).append('`');
        }
        return out.append(operation.nameProven() ? " (proven)" : " (unproven)").toString();
    }

    private static String parameters(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return "—";
        }
        StringBuilder out = new StringBuilder();
        for (Parameter parameter : parameters) {
            out.append(out.length() == 0 ? "" : "; ").append('`').append(parameter.moveType()).append(' ')
                    .append(parameter.name()).append("` ← ").append(parameter.qualifiedSource());
        }
        return out.toString();
    }

    private static String cell(List<String> lines) {
        return String.join("<br>", lines).replace("|", "\\|");
    }
}
