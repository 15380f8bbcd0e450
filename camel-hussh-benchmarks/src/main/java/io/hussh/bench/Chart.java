package io.hussh.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Bar charts of the results, written as PNG files beside the report, for people who would rather look than read. */
final class Chart {

    private final Path directory;

    /** @param report the report the charts go beside */
    Chart(Path report) {
        this.directory = report.toAbsolutePath().getParent();
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * Writes one bar per client and group, MiB/s; a client without a figure in a group gets no bar there.
     *
     * @param rates MiB/s by group (a link and direction) and client
     * @return the file name, relative to the report
     */
    String write(String name, String title, Map<String, Map<String, Double>> rates) throws IOException {
        List<String> groups = new ArrayList<>(rates.keySet());
        Set<String> clients = new LinkedHashSet<>();
        rates.values().forEach(byClient -> clients.addAll(byClient.keySet()));
        CategoryChart chart = new CategoryChartBuilder().width(1400).height(700).title(title)
                .xAxisTitle("round trip and direction").yAxisTitle("MiB/s").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setOverlapped(false);
        for (String client : clients) {
            List<Double> values = new ArrayList<>();
            for (String group : groups) {
                Double value = rates.get(group).get(client);
                values.add(value == null || value.isNaN() ? 0.0 : value);
            }
            chart.addSeries(client, groups, values);
        }
        String file = "benchmarks-" + name + ".png";
        BitmapEncoder.saveBitmap(chart, directory.resolve(file).toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
