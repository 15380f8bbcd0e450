package io.hussh.bench;

import java.util.List;

/** Markdown pieces of docs/benchmarks.md. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    Report add(String markdown) {
        text.append(markdown).append('\n');
        return this;
    }

    Report table(List<String> header, List<List<String>> rows) {
        text.append(row(header));
        text.append(row(header.stream().map(h -> "---").toList()));
        rows.forEach(r -> text.append(row(r)));
        text.append('\n');
        return this;
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static String mibPerSecond(double value) {
        return String.format("%.1f", value);
    }

    static String ratio(double numerator, double denominator) {
        return Double.isNaN(numerator) || Double.isNaN(denominator) ? "n/a"
                : String.format("%.2f×", numerator / denominator);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
