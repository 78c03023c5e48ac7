package org.liasse.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * Statistical disclosure control of consolidated figures: a group's figures are withheld (« secret statistique »)
 * when fewer than {@code minContributors} organisations contribute to them, or when one of them makes more than
 * {@code dominancePercent} % of the total (in absolute value), since the figures would then reveal that
 * organisation's own.
 *
 * @param minContributors  fewest organisations whose figures may be published together
 * @param dominancePercent largest share of the total one organisation may hold, in percent
 */
record StatisticalSecret(int minContributors, int dominancePercent) {

    /** What a withheld figure shows, in PDF and XLSX. */
    static final String MARK = "secret statistique";

    /** The defaults of {@code etc/org.liasse.reports.cfg}: 3 organisations, 85 %. */
    static final StatisticalSecret DEFAULT = new StatisticalSecret(3, 85);

    /** Whether figures computed over these values (one per organisation) would reveal one organisation's. */
    boolean reveals(List<BigDecimal> values) {
        if (values.size() < minContributors) {
            return true;
        }
        BigDecimal total = values.stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal largest = values.stream().map(BigDecimal::abs).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        return total.signum() > 0
            && largest.multiply(BigDecimal.valueOf(100)).compareTo(total.multiply(BigDecimal.valueOf(dominancePercent))) > 0;
    }
}
