package org.liasse.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.liasse.api.definition.ReportChart;
import org.liasse.api.definition.ReportGrouping;
import org.liasse.api.definition.ReportSection;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.report.ReportData;
import org.liasse.api.report.ReportMeasure;
import org.liasse.api.report.ReportRow;
import org.liasse.api.report.ReportYear;

/**
 * Turns the declared sections of a report and its data into tables (with their charts), the same for PDF and XLSX.
 */
final class Sections {

    /** A section: its title and its tables. */
    record Section(String title, List<Table> tables) {
    }

    /** A group of organisations of a campaign section: the grouping's label, the group's name and its rows. */
    private record Group(String grouping, String name, List<ReportRow> rows) {
    }

    private static final String ALL = "Ensemble";
    private static final String PERCENT = "%";
    private static final List<String> STATISTICS = List.of("Regroupement", "Groupe", "Organismes", "Total",
        "Minimum", "1er quartile", "Médiane", "3e quartile", "Maximum");
    private static final List<String> COMPLETION = List.of("Regroupement", "Groupe", "Organismes",
        "Dossiers ouverts", "Au dernier stade", "Taux d'ouverture", "Taux d'achèvement");

    private Sections() {
    }

    /** The tables of every section of the report, in order; statistics withhold what {@code secret} protects. */
    static List<Section> of(ReportData data, StatisticalSecret secret) {
        return data.report().sections().stream().map(section -> new Section(section.title(), switch (section.kind()) {
            case RATIOS -> List.of(twoYears(section, data, true));
            case TREND -> List.of(trend(section, data));
            case CELLS -> List.of(twoYears(section, data, false));
            case STATISTICS -> statistics(section, data, secret);
            case COMPLETION -> List.of(completion(section, data));
        })).toList();
    }

    /**
     * Each measure for N and N-1: with its variation (key ratios), or with its code (cells); the chart compares the
     * two years.
     */
    private static Table twoYears(ReportSection section, ReportData data, boolean ratios) {
        ReportYear current = year(data, data.year());
        ReportYear previous = year(data, data.year() - 1);
        List<List<Object>> rows = new ArrayList<>();
        for (String code : section.measures()) {
            ReportMeasure measure = data.measure(code);
            BigDecimal now = current.value(code);
            BigDecimal before = previous.value(code);
            List<Object> row = new ArrayList<>(ratios ? List.of(label(measure)) : List.of(code, measure.label()));
            row.add(Figure.of(now, measure.unit()));
            row.add(Figure.of(before, measure.unit()));
            if (ratios) {
                row.add(Figure.of(variation(now, before), PERCENT));
            }
            rows.add(row);
        }
        List<String> headers = new ArrayList<>(ratios ? List.of("Indicateur") : List.of("Code", "Libellé"));
        headers.addAll(List.of(String.valueOf(data.year()), String.valueOf(data.year() - 1)));
        if (ratios) {
            headers.add("Variation");
        }
        return new Table(section.title(), headers, rows, yearsChart(section, data, List.of(previous, current)));
    }

    /** Each measure over the years that have a dossier; the chart follows each measure along the years. */
    private static Table trend(ReportSection section, ReportData data) {
        List<String> headers = new ArrayList<>(List.of("Indicateur"));
        data.years().forEach(year -> headers.add(String.valueOf(year.year())));
        List<List<Object>> rows = new ArrayList<>();
        List<Chart.Series> series = new ArrayList<>();
        for (String code : section.measures()) {
            ReportMeasure measure = data.measure(code);
            List<Object> row = new ArrayList<>(List.of(label(measure)));
            data.years().forEach(year -> row.add(Figure.of(year.value(code), measure.unit())));
            rows.add(row);
            series.add(new Chart.Series(measure.label(), data.years().stream().map(year -> year.value(code)).toList()));
        }
        Chart chart = section.chart() == ReportChart.NONE ? null : new Chart(section.chart(),
            data.years().stream().map(year -> String.valueOf(year.year())).toList(), series, unit(section, data));
        return new Table(section.title(), headers, rows, chart);
    }

    /**
     * One table per measure: its distribution over all organisations, then over each group. A group whose figures
     * would reveal one organisation's is withheld (its number of organisations stays, « secret statistique » replaces
     * its figures), and so is, within each grouping, the smallest other group until
     * the withheld groups together are safe: their sum could otherwise be worked out from « Ensemble ».
     */
    private static List<Table> statistics(ReportSection section, ReportData data, StatisticalSecret secret) {
        List<Group> groups = groups(section, data);
        List<Table> tables = new ArrayList<>();
        for (String code : section.measures()) {
            ReportMeasure measure = data.measure(code);
            List<List<BigDecimal>> values = groups.stream().map(group -> group.rows().stream()
                .filter(ReportRow::started).map(row -> row.values().value(code)).filter(Objects::nonNull).toList())
                .toList();
            boolean[] withheld = withheld(groups, values, secret);
            List<List<Object>> rows = new ArrayList<>();
            Map<String, Distribution> charted = new LinkedHashMap<>();
            for (int i = 0; i < groups.size(); i++) {
                Group group = groups.get(i);
                Distribution distribution = withheld[i]
                    ? new Distribution(values.get(i).size(), null, null, null, null, null, null)
                    : Distribution.of(values.get(i));
                List<Object> row = new ArrayList<>(List.of(group.grouping(), group.name(), distribution.count()));
                if (withheld[i]) {
                    row.add(StatisticalSecret.MARK);
                    row.addAll(Collections.nCopies(STATISTICS.size() - row.size(), null));
                } else {
                    row.addAll(Arrays.asList(Figure.of(distribution.total(), measure.unit()),
                        Figure.of(distribution.min(), measure.unit()), Figure.of(distribution.q1(), measure.unit()),
                        Figure.of(distribution.median(), measure.unit()), Figure.of(distribution.q3(), measure.unit()),
                        Figure.of(distribution.max(), measure.unit())));
                }
                rows.add(row);
                if (charted(section, group)) {
                    charted.put(group.name(), distribution);
                }
            }
            Chart chart = section.chart() == ReportChart.NONE ? null : new Chart(section.chart(),
                List.copyOf(charted.keySet()), List.of(
                    new Chart.Series("1er quartile", charted.values().stream().map(Distribution::q1).toList()),
                    new Chart.Series("Médiane", charted.values().stream().map(Distribution::median).toList()),
                    new Chart.Series("3e quartile", charted.values().stream().map(Distribution::q3).toList())),
                measure.unit());
            tables.add(new Table(label(measure), STATISTICS, rows, chart));
        }
        return tables;
    }

    /** Which groups are withheld: primary secret, then complementary secret within each grouping. */
    private static boolean[] withheld(List<Group> groups, List<List<BigDecimal>> values, StatisticalSecret secret) {
        boolean[] withheld = new boolean[groups.size()];
        Map<String, List<Integer>> groupings = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            withheld[i] = secret.reveals(values.get(i));
            if (!groups.get(i).grouping().equals(ALL)) {
                groupings.computeIfAbsent(groups.get(i).grouping(), k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> members : groupings.values()) {
            while (true) {
                List<BigDecimal> together = members.stream().filter(i -> withheld[i])
                    .flatMap(i -> values.get(i).stream()).toList();
                if (members.stream().noneMatch(i -> withheld[i]) || !secret.reveals(together)) {
                    break;
                }
                Integer smallest = members.stream().filter(i -> !withheld[i])
                    .min(Comparator.comparingInt(i -> values.get(i).size())).orElse(null);
                if (smallest == null) {
                    break;
                }
                withheld[smallest] = true;
            }
        }
        return withheld;
    }

    /** Organisations, dossiers started and finished, and the two rates, for all and by group. */
    private static Table completion(ReportSection section, ReportData data) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, BigDecimal[]> charted = new LinkedHashMap<>();
        for (Group group : groups(section, data)) {
            int organisations = group.rows().size();
            long started = group.rows().stream().filter(ReportRow::started).count();
            long finished = group.rows().stream().filter(ReportRow::finished).count();
            BigDecimal startedRate = rate(started, organisations);
            BigDecimal finishedRate = rate(finished, organisations);
            rows.add(Arrays.asList(group.grouping(), group.name(), organisations, started, finished,
                Figure.of(startedRate, PERCENT), Figure.of(finishedRate, PERCENT)));
            if (charted(section, group)) {
                charted.put(group.name(), new BigDecimal[] {startedRate, finishedRate});
            }
        }
        Chart chart = section.chart() == ReportChart.NONE ? null : new Chart(section.chart(),
            List.copyOf(charted.keySet()), List.of(
                new Chart.Series("Taux d'ouverture", charted.values().stream().map(rates -> rates[0]).toList()),
                new Chart.Series("Taux d'achèvement", charted.values().stream().map(rates -> rates[1]).toList())),
            PERCENT);
        return new Table(section.title(), COMPLETION, rows, chart);
    }

    /** All organisations, then the groups of each grouping, sorted by name. */
    private static List<Group> groups(ReportSection section, ReportData data) {
        List<Group> groups = new ArrayList<>(List.of(new Group(ALL, "Tous les organismes", data.rows())));
        for (ReportGrouping grouping : section.groupings()) {
            Function<Organisation, String> key = switch (grouping) {
                case TYPE -> Organisation::type;
                case FEDERATION -> Organisation::federation;
                case REGION -> Organisation::region;
                case DEPARTMENT -> Organisation::department;
            };
            Map<String, List<ReportRow>> byKey = new TreeMap<>();
            for (ReportRow row : data.rows()) {
                String name = Objects.requireNonNullElse(key.apply(row.organisation()), "");
                byKey.computeIfAbsent(name.isBlank() ? "Non renseigné" : name, k -> new ArrayList<>()).add(row);
            }
            byKey.forEach((name, rows) -> groups.add(new Group(grouping.label(), name, rows)));
        }
        return groups;
    }

    /** Whether a group is drawn: those of the first grouping, or all organisations when there is none. */
    private static boolean charted(ReportSection section, Group group) {
        return section.groupings().isEmpty() ? group.grouping().equals(ALL)
            : group.grouping().equals(section.groupings().get(0).label());
    }

    /** The chart comparing two years of each measure, when the section asks for one. */
    private static Chart yearsChart(ReportSection section, ReportData data, List<ReportYear> years) {
        if (section.chart() == ReportChart.NONE) {
            return null;
        }
        List<Chart.Series> series = years.stream().map(year -> new Chart.Series(String.valueOf(year.year()),
            section.measures().stream().map(year::value).toList())).toList();
        return new Chart(section.chart(), section.measures().stream().map(code -> data.measure(code).label())
            .toList(), series, unit(section, data));
    }

    /** The unit of a chart's axis: the measures' one when they share it, else none. */
    private static String unit(ReportSection section, ReportData data) {
        List<String> units = section.measures().stream().map(code -> data.measure(code).unit()).distinct().toList();
        return units.size() == 1 ? units.get(0) : "";
    }

    private static ReportYear year(ReportData data, int year) {
        return data.years().stream().filter(y -> y.year() == year).findFirst()
            .orElseGet(() -> new ReportYear(year, Map.of()));
    }

    private static String label(ReportMeasure measure) {
        return measure.unit().isEmpty() ? measure.label() : measure.label() + " (" + measure.unit() + ")";
    }

    /** Relative change from {@code before} to {@code now} in percent, one decimal; none from zero or nothing. */
    static BigDecimal variation(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100))
            .divide(before.abs(), MathContext.DECIMAL64).setScale(1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal rate(long part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
            RoundingMode.HALF_EVEN);
    }
}
