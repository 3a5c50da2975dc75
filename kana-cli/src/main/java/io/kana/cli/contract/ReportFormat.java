package io.kana.cli.contract;

import io.kana.cli.Json;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a {@link CheckReport} is printed: an aligned table for people, one JSON document for scripts. */
final class ReportFormat {

    private static final String[] HEADINGS = {"OPERATION", "FUNCTION", "ON-CHAIN SIGNATURE", "VERDICT"};
    /** Longer signatures (the batch functions) push their own verdict right rather than every line's. */
    private static final int MAX_ALIGNED_WIDTH = 64;

    private ReportFormat() {}

    /** One line per operation; below a line that is not confirmed, why. Ends with the tally. */
    static String table(CheckReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (OperationCheck check : report.operations()) {
            rows.add(new String[] {check.operation().name(), check.function(),
                check.onChainSignature().isEmpty() ? "-" : check.onChainSignature(), check.verdict().word()});
        }
        int[] widths = new int[HEADINGS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.min(MAX_ALIGNED_WIDTH, Math.max(widths[i], row[i].length()));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Contract ").append(report.contract()).append(" on ").append(report.network())
                .append(", module ").append(report.module())
                .append(report.payloads() ? " (ABI and trade API payloads)" : " (ABI only; add --payloads to check payloads)")
                .append('\n');
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(Math.max(2, widths[i] + 2 - row[i].length())));
                }
            }
            out.append(line).append('\n');
            OperationCheck check = r == 0 ? null : report.operations().get(r - 1);
            if (check != null && !check.detail().isEmpty()) {
                out.append("    ").append(check.detail()).append('\n');
            }
        }
        out.append(tallyLine(report)).append('\n');
        return out.toString();
    }

    /** The report as one JSON document with stable field names. */
    static String json(CheckReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("network", report.network());
        document.put("module", report.module());
        document.put("contract", report.contract());
        document.put("payloadsChecked", report.payloads());
        document.put("exitCode", report.exitCode());
        List<Object> operations = new ArrayList<>();
        for (OperationCheck check : report.operations()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("operation", check.operation().name());
            line.put("function", check.function());
            line.put("onChainSignature", check.onChainSignature());
            line.put("expectedSignature", check.expectedSignature());
            line.put("verdict", check.verdict().word());
            line.put("detail", check.detail());
            operations.add(line);
        }
        document.put("operations", operations);
        Map<String, Object> counts = new LinkedHashMap<>();
        tally(report).forEach((verdict, count) -> counts.put(verdict.word(), count));
        document.put("counts", counts);
        return Json.write(document) + "\n";
    }

    private static String tallyLine(CheckReport report) {
        StringBuilder line = new StringBuilder(report.operations().size() + " operations:");
        String separator = " ";
        for (Map.Entry<Verdict, Integer> entry : tally(report).entrySet()) {
            if (entry.getValue() > 0) {
                line.append(separator).append(entry.getValue()).append(' ').append(entry.getKey().word());
                separator = ", ";
            }
        }
        return line.toString();
    }

    private static Map<Verdict, Integer> tally(CheckReport report) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, 0);
        }
        report.operations().forEach(check -> counts.merge(check.verdict(), 1, Integer::sum));
        return counts;
    }
}
