package io.kana.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows as an aligned text table; columns name fields of {@link Fields} maps and their headings. */
public final class Table {

    private final List<String[]> columns = new ArrayList<>();

    /** A column showing {@code field} under {@code heading}. */
    public Table column(String heading, String field) {
        columns.add(new String[] {heading, field});
        return this;
    }

    /** The rows aligned under the headings; {@code empty} when there are none. */
    public String render(List<Map<String, Object>> rows, String empty) {
        if (rows.isEmpty()) {
            return empty + "\n";
        }
        List<String[]> lines = new ArrayList<>();
        String[] headings = new String[columns.size()];
        for (int i = 0; i < headings.length; i++) {
            headings[i] = columns.get(i)[0];
        }
        lines.add(headings);
        for (Map<String, Object> row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                Object value = row.get(columns.get(i)[1]);
                line[i] = value == null ? "-" : String.valueOf(value);
            }
            lines.add(line);
        }
        int[] widths = new int[headings.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                out.append(line[i]);
                if (i < line.length - 1) {
                    out.append(" ".repeat(widths[i] - line[i].length() + 2));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** {@code name: value} lines, names aligned, for a single record. */
    public static String pairs(Map<String, Object> fields) {
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(name).append(':').append(" ".repeat(width - name.length() + 1))
                .append(value == null ? "-" : value).append('\n'));
        return out.toString();
    }
}
