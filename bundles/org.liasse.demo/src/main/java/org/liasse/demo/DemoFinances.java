package org.liasse.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.liasse.api.dossier.Organisation;

/**
 * The financial statements of a fictional landlord for one year (and the figures of the coop federation's surveys), internally consistent so that the demo dossiers
 * pass the business controls of the financial fiches the regulatory statements share with the federations'
 * questionnaire: the balance sheet balances, the breakdown tables add up to the income statement, the debts of the
 * breakdown are those of the balance sheet, the opening fixed assets are the previous year's closing ones. Every
 * figure derives from the organisation's housing stock and rent per dwelling, drawn once from its SIREN, and grows
 * a little each year, so that year N-1 and the five-year trends show a plausible story.
 */
final class DemoFinances {

    private static final int FIRST_YEAR = 2019;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<String, BigDecimal> cells = new LinkedHashMap<>();
    /** Housing stock in {@link #FIRST_YEAR}. */
    private final long stock;
    private final long dwellings;
    private final BigDecimal rents;
    /** Percentages of the rents that vary from year to year: staff, upkeep, depreciation, loan repayments. */
    private final int staff;
    private final int upkeep;
    private final int depreciation;
    private final int repayments;

    private DemoFinances(Organisation organisation, int year) {
        Random random = new Random(organisation.siren().hashCode() * 31L);
        this.stock = 1_500 + random.nextInt(9_000);
        BigDecimal rentPerDwelling = BigDecimal.valueOf(4_300 + random.nextInt(1_200));
        int years = year - FIRST_YEAR;
        this.dwellings = Math.round(stockIn(year));
        Random yearly = new Random(organisation.siren().hashCode() * 31L + year);
        this.staff = 15 + yearly.nextInt(3);
        this.upkeep = 10 + yearly.nextInt(4);
        this.depreciation = 44 + yearly.nextInt(4);
        this.repayments = 18 + yearly.nextInt(4);
        this.rents = rentPerDwelling.multiply(BigDecimal.valueOf(dwellings))
                .multiply(BigDecimal.valueOf(Math.pow(1.018, years))).setScale(2, RoundingMode.HALF_UP);
    }

    /** The amounts and counts of the financial fiches for one organisation and year, by cell code. */
    static Map<String, BigDecimal> of(Organisation organisation, int year) {
        DemoFinances finances = new DemoFinances(organisation, year);
        finances.fill(year);
        return finances.cells;
    }

    private void fill(int year) {
        patrimoine();
        BigDecimal result = incomeStatement();
        BigDecimal debts = debts(year);
        BigDecimal fixedAssets = fixedAssets(year);
        breakdowns();
        balanceSheet(fixedAssets, debts, result);
        put("SECTEURS.AGREE.RESULTAT_SECTEUR", pct(result, 80));
        put("SECTEURS.AMENAGEMENT.RESULTAT_SECTEUR", pct(result, 15));
        put("SECTEURS.CONCURRENTIEL.RESULTAT_SECTEUR", result.subtract(pct(result, 80)).subtract(pct(result, 15)));
        surveys();
    }

    private void patrimoine() {
        String[] kinds = {"PLAI", "PLUS", "PLS", "PLI", "NON_CONV"};
        long[] counts = split(dwellings, 15, 60, 15, 5, 5);
        for (int i = 0; i < kinds.length; i++) {
            put("PATRIMOINE." + kinds[i] + ".NOMBRE", BigDecimal.valueOf(counts[i]));
            put("PATRIMOINE." + kinds[i] + ".SURFACE", BigDecimal.valueOf(counts[i] * 66));
            put("PATRIMOINE." + kinds[i] + ".LOYERS", share(rents, counts[i], dwellings));
            put("PATRIMOINE." + kinds[i] + ".VACANTS", BigDecimal.valueOf(counts[i] * 2 / 100));
        }
        long[] byDepartment = split(dwellings, 70, 20, 10);
        for (int i = 0; i < byDepartment.length; i++) {
            put("PATRIMOINE.DEPT_" + (i + 1) + ".NOMBRE", BigDecimal.valueOf(byDepartment[i]));
        }
    }

    /** The income statement; returns the result. */
    private BigDecimal incomeStatement() {
        put("CR.LOYERS.MONTANT", rents);
        put("CR.CHARGES_RECUP.MONTANT", pct(rents, 18));
        put("CR.SUBV_EXPLOIT.MONTANT", BigDecimal.ZERO.setScale(2));
        put("CR.PRODUITS_FIN.MONTANT", pct(rents, 1));
        put("CR.PRODUITS_EXC.MONTANT", pct(rents, 2));
        put("CR.ACHATS.MONTANT", pct(rents, 20));
        put("CR.PERSONNEL.MONTANT", pct(rents, staff));
        put("CR.ENTRETIEN.MONTANT", pct(rents, upkeep));
        put("CR.TFPB.MONTANT", pct(rents, 9));
        put("CR.INTERETS.MONTANT", pct(rents, 8));
        put("CR.DOTATIONS.MONTANT", pct(rents, depreciation));
        BigDecimal products = sum("CR.LOYERS.MONTANT", "CR.CHARGES_RECUP.MONTANT", "CR.PRODUITS_FIN.MONTANT",
                "CR.PRODUITS_EXC.MONTANT");
        BigDecimal charges = sum("CR.ACHATS.MONTANT", "CR.PERSONNEL.MONTANT", "CR.ENTRETIEN.MONTANT", "CR.TFPB.MONTANT",
                "CR.INTERETS.MONTANT", "CR.DOTATIONS.MONTANT");
        return products.subtract(charges);
    }

    /** Loans by lender; returns the capital still due. */
    private BigDecimal debts(int year) {
        BigDecimal due = BigDecimal.valueOf(dwellings * 45_000L)
                .multiply(BigDecimal.valueOf(Math.pow(1.01, year - FIRST_YEAR))).setScale(2, RoundingMode.HALF_UP);
        String[] lenders = {"CDC", "ACTION_LOGEMENT", "BANQUES", "CGLLS_PRETS", "AUTRES_PRETEURS"};
        int[] shares = {75, 8, 12, 1, 4};
        spread("DETTES.%s.CAPITAL_RESTANT", lenders, shares, due);
        spread("DETTES.%s.REMB_CAPITAL", lenders, shares, pct(rents, repayments));
        spread("DETTES.%s.INTERETS", lenders, shares, cells.get("CR.INTERETS.MONTANT"));
        return due;
    }

    /** Gross fixed assets with the year's movements (the opening value is last year's closing one). */
    private BigDecimal fixedAssets(int year) {
        BigDecimal opening = BigDecimal.ZERO;
        BigDecimal closing = BigDecimal.ZERO;
        String[] kinds = {"TERRAINS", "CONSTRUCTIONS", "COMPOSANTS", "EN_COURS"};
        int[] shares = {15, 65, 15, 5};
        for (int i = 0; i < kinds.length; i++) {
            BigDecimal start = grossAssets(year - 1, shares[i]);
            BigDecimal end = grossAssets(year, shares[i]);
            put("IMMOBILISATIONS." + kinds[i] + ".DEBUT", start);
            put("IMMOBILISATIONS." + kinds[i] + ".AUGMENTATIONS", end.subtract(start).add(pct(start, 1)));
            put("IMMOBILISATIONS." + kinds[i] + ".DIMINUTIONS", pct(start, 1));
            opening = opening.add(start);
            closing = closing.add(end);
        }
        BigDecimal depreciation = pct(closing, 35);
        String[] depreciated = {"AMORT_CONSTRUCTIONS", "AMORT_COMPOSANTS", "AMORT_AUTRES"};
        spread("AMORTISSEMENTS.%s.CUMUL_DEBUT", depreciated, new int[] {70, 25, 5}, pct(opening, 34));
        spread("AMORTISSEMENTS.%s.DOTATIONS", depreciated, new int[] {70, 25, 5}, pct(cells.get("CR.DOTATIONS.MONTANT"), 90));
        spread("AMORTISSEMENTS.%s.REPRISES", depreciated, new int[] {70, 25, 5}, BigDecimal.ZERO.setScale(2));
        return closing.subtract(depreciation);
    }

    /** The gross value of one kind of fixed asset at the end of a year, from the housing stock of that year. */
    private BigDecimal grossAssets(int year, int share) {
        return BigDecimal.valueOf(Math.round(stockIn(year) * 105_000 * share / 100.0)).setScale(2, RoundingMode.HALF_UP);
    }

    private double stockIn(int year) {
        return stock * Math.pow(1.012, year - FIRST_YEAR);
    }

    private void breakdowns() {
        String[] rentKinds = {"LOG_CONVENTIONNES", "LOG_NON_CONVENTIONNES", "FOYERS", "COMMERCES", "STATIONNEMENTS"};
        spread("LOYERS.%s.QUITTANCES", rentKinds, new int[] {85, 5, 6, 2, 2}, rents);
        spread("LOYERS.%s.PERTES_VACANCE", rentKinds, new int[] {85, 5, 6, 2, 2}, pct(rents, 2));
        put("GESTION.FRAIS_PERSONNEL.MONTANT", pct(cells.get("CR.PERSONNEL.MONTANT"), 80));
        put("GESTION.FRAIS_GENERAUX.MONTANT", pct(rents, 5));
        put("GESTION.COTISATIONS_CGLLS.MONTANT", pct(rents, 2));
        put("GESTION.TFPB.MONTANT", cells.get("CR.TFPB.MONTANT"));
        put("GESTION.ASSURANCES.MONTANT", pct(rents, 1));
        for (String work : List.of("ENTRETIEN_COURANT", "GROS_ENTRETIEN", "REMPLACEMENT")) {
            BigDecimal total = pct(rents, work.equals("REMPLACEMENT") ? 5 : upkeep / 2);
            put("MAINTENANCE." + work + ".REGIE", pct(total, 40));
            put("MAINTENANCE." + work + ".ENTREPRISES", total.subtract(pct(total, 40)));
        }
        provision("PGE", 10, 3, 2);
        provision("RISQUES", 2, 1, 1);
        provision("DEPRECIATION", 2, 1, 1);
        put("CREANCES.PRESENTS.BRUT", pct(rents, 4));
        put("CREANCES.PRESENTS.DEPRECIEES", pct(rents, 1));
        put("CREANCES.PARTIS.BRUT", pct(rents, 3));
        put("CREANCES.PARTIS.DEPRECIEES", pct(rents, 2));
        investment("CONSTRUCTION", dwellings / 100, 180_000);
        investment("ACQUISITION", dwellings / 300, 150_000);
        investment("REHABILITATION", dwellings / 50, 35_000);
        put("PERSONNEL.GARDIENS.ETP", BigDecimal.valueOf(dwellings * 8 / 100, 1));
        put("PERSONNEL.REGIE.ETP", BigDecimal.valueOf(dwellings * 3 / 100, 1));
        put("PERSONNEL.ADMINISTRATIFS.ETP", BigDecimal.valueOf(dwellings * 12 / 100, 1));
        for (String staff : List.of("GARDIENS", "REGIE", "ADMINISTRATIFS")) {
            put("PERSONNEL." + staff + ".MASSE_SALARIALE",
                    cells.get("PERSONNEL." + staff + ".ETP").multiply(BigDecimal.valueOf(52_000)).setScale(2, RoundingMode.HALF_UP));
        }
        put("VENTES.VENTES_LOCATAIRES.LOGEMENTS", BigDecimal.valueOf(dwellings * 3 / 1000));
        put("VENTES.VENTES_LOCATAIRES.PRIX", BigDecimal.valueOf(dwellings * 3 / 1000 * 90_000L).setScale(2));
        put("VENTES.VENTES_LOCATAIRES.PLUS_VALUES", BigDecimal.valueOf(dwellings * 3 / 1000 * 36_000L).setScale(2));
        put("ACTIVITE.MISES_CHANTIER.NOMBRE", BigDecimal.valueOf(dwellings / 100));
        put("ACTIVITE.LIVRAISONS.NOMBRE", BigDecimal.valueOf(dwellings / 110));
        put("SECTEURS.AGREE.CHIFFRE_AFFAIRES", rents.add(cells.get("CR.CHARGES_RECUP.MONTANT")));
        put("SECTEURS.AMENAGEMENT.CHIFFRE_AFFAIRES", pct(rents, 10));
        put("SECTEURS.CONCURRENTIEL.CHIFFRE_AFFAIRES", pct(rents, 4));
    }

    /** The coop federation's surveys: a modest rent rise, shareholders holding the whole capital, staff by category. */
    private void surveys() {
        put("LOYERS_COOP.HAUSSE_LOYERS.TAUX", new BigDecimal("2.50"));
        spread("ACTIONNARIAT.ACTIONNAIRES_%s.PART_CAPITAL", new String[] {"1", "2", "3"}, new int[] {45, 35, 20},
                HUNDRED.setScale(2));
        String[] categories = {"CADRES", "MAITRISE", "EMPLOYES", "GARDIENS", "ALTERNANTS"};
        long[] people = split(dwellings / 40, 15, 20, 35, 25, 5);
        for (int i = 0; i < categories.length; i++) {
            put("EFFECTIFS." + categories[i] + ".FEMMES", BigDecimal.valueOf(people[i] / 2));
            put("EFFECTIFS." + categories[i] + ".HOMMES", BigDecimal.valueOf(people[i] - people[i] / 2));
            put("EFFECTIFS." + categories[i] + ".ETP", BigDecimal.valueOf(people[i] * 9, 1));
        }
    }

    private void provision(String kind, int opening, int added, int reversed) {
        put("PROVISIONS." + kind + ".DEBUT", pct(rents, opening));
        put("PROVISIONS." + kind + ".DOTATIONS", pct(rents, added));
        put("PROVISIONS." + kind + ".REPRISES", pct(rents, reversed));
    }

    private void investment(String kind, long count, long unitCost) {
        BigDecimal cost = BigDecimal.valueOf(count * unitCost).setScale(2, RoundingMode.HALF_UP);
        put("INVESTISSEMENTS." + kind + ".LOGEMENTS", BigDecimal.valueOf(count));
        put("INVESTISSEMENTS." + kind + ".COUT", cost);
        put("INVESTISSEMENTS." + kind + ".FONDS_PROPRES_INVESTIS", pct(cost, 15));
        put("INVESTISSEMENTS." + kind + ".SUBVENTIONS", pct(cost, 10));
        put("INVESTISSEMENTS." + kind + ".EMPRUNTS", cost.subtract(pct(cost, 15)).subtract(pct(cost, 10)));
    }

    /** The balance sheet, balanced by the equity, with the equity breakdown and the cash position. */
    private void balanceSheet(BigDecimal fixedAssets, BigDecimal debts, BigDecimal result) {
        BigDecimal cash = pct(rents, 35);
        put("BILAN.IMMO_INCORP.MONTANT", pct(rents, 1));
        put("BILAN.IMMO.MONTANT", fixedAssets);
        put("BILAN.IMMO_FIN.MONTANT", pct(rents, 3));
        put("BILAN.STOCKS.MONTANT", pct(rents, 2));
        put("BILAN.CREANCES.MONTANT", pct(rents, 4));
        put("BILAN.AUTRES_CREANCES.MONTANT", pct(rents, 3));
        put("BILAN.TRESO.MONTANT", cash);
        BigDecimal assets = sum("BILAN.IMMO_INCORP.MONTANT", "BILAN.IMMO.MONTANT", "BILAN.IMMO_FIN.MONTANT",
                "BILAN.STOCKS.MONTANT", "BILAN.CREANCES.MONTANT", "BILAN.AUTRES_CREANCES.MONTANT", "BILAN.TRESO.MONTANT");
        BigDecimal grants = pct(fixedAssets, 12);
        put("BILAN.SUBVENTIONS.MONTANT", grants);
        put("BILAN.PROVISIONS.MONTANT", pct(rents, 12));
        put("BILAN.DETTES.MONTANT", debts);
        put("BILAN.DETTES_FOURN.MONTANT", pct(rents, 5));
        put("BILAN.AUTRES_DETTES.MONTANT", pct(rents, 3));
        BigDecimal equity = assets.subtract(sum("BILAN.SUBVENTIONS.MONTANT", "BILAN.PROVISIONS.MONTANT",
                "BILAN.DETTES.MONTANT", "BILAN.DETTES_FOURN.MONTANT", "BILAN.AUTRES_DETTES.MONTANT"));
        put("BILAN.CAPITAUX.MONTANT", equity);
        BigDecimal capital = BigDecimal.valueOf(1_000_000).setScale(2);
        BigDecimal reserves = pct(equity.subtract(capital).subtract(result), 80);
        put("FONDS_PROPRES.CAPITAL_SOCIAL.MONTANT", capital);
        put("FONDS_PROPRES.RESERVES.MONTANT", reserves);
        put("FONDS_PROPRES.REPORT_A_NOUVEAU.MONTANT", equity.subtract(capital).subtract(result).subtract(reserves));
        put("FONDS_PROPRES.RESULTAT_EXERCICE.MONTANT", result);
        put("FONDS_PROPRES.SUBVENTIONS_INVEST.MONTANT", grants);
        put("TRESORERIE.DISPONIBILITES.MONTANT", pct(cash, 60));
        put("TRESORERIE.PLACEMENTS.MONTANT", cash.subtract(pct(cash, 60)));
        put("TRESORERIE.CONCOURS_BANCAIRES.MONTANT", BigDecimal.ZERO.setScale(2));
    }

    /** Spreads a total over cells by percentage shares, the last one taking the rounding so that they add up. */
    private void spread(String pattern, String[] rows, int[] shares, BigDecimal total) {
        BigDecimal rest = total;
        for (int i = 0; i < rows.length; i++) {
            BigDecimal part = i == rows.length - 1 ? rest : pct(total, shares[i]);
            put(pattern.formatted(rows[i]), part);
            rest = rest.subtract(part);
        }
    }

    private static long[] split(long total, int... shares) {
        long[] parts = new long[shares.length];
        long rest = total;
        for (int i = 0; i < shares.length; i++) {
            parts[i] = i == shares.length - 1 ? rest : total * shares[i] / 100;
            rest -= parts[i];
        }
        return parts;
    }

    private static BigDecimal pct(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal amount, long part, long whole) {
        return amount.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private BigDecimal sum(String... codes) {
        BigDecimal total = BigDecimal.ZERO;
        for (String code : codes) {
            total = total.add(cells.get(code));
        }
        return total;
    }

    private void put(String cell, BigDecimal value) {
        cells.put(cell, value);
    }
}
