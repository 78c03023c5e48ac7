package org.liasse.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.Formula;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.RowDefinition;
import org.liasse.api.definition.TableDefinition;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.exchange.CellUpdate;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.exchange.ExportedFile;
import org.liasse.api.exchange.ImportMessage;
import org.liasse.api.exchange.ImportResult;
import org.liasse.api.plugin.PluginRegistry;

/** Dry run, atomic apply and export of a dossier, against in-memory dossiers and definitions. */
class DossierImportServiceTest {

    private static final long ID = 7;
    private static final QuestionnaireDefinition QDIS = new QuestionnaireDefinition("QDIS", "2025.1", "QDIS de test",
        List.of(2025), List.of(new FicheDefinition("CR", "Compte de résultat", List.of(TableDefinition.fixed("PRODUITS",
            "Produits", List.of(RowDefinition.of("LOYERS", "Loyers"), RowDefinition.of("CHARGES", "Charges"),
                RowDefinition.of("RESULTAT", "Résultat")),
            List.of(ColumnDefinition.of("MONTANT", "Montant", FieldType.AMOUNT, 2, 0, false, List.of()),
                ColumnDefinition.of("NOTE", "Note", FieldType.TEXT, 0, 20, false, List.of())))))),
        Map.of("CR.RESULTAT.MONTANT", new Difference()), null);
    private static final MappingDefinition ACCOUNTS = new MappingDefinition("EXPORT_COMPTABLE", "Export comptable",
        "QDIS", "compte", "solde", "ligne", "compte", Map.of("706", "CR.LOYERS.MONTANT", "60", "CR.CHARGES.MONTANT"), null);

    private final Map<String, String> stored = new LinkedHashMap<>(Map.of("CR.LOYERS.MONTANT", "1000.00",
        "CR.CHARGES.MONTANT", "400.00", "CR.RESULTAT.MONTANT", "600.00", "CR.RESULTAT.NOTE", "=1+1"));
    private final List<Map<String, String>> saves = new ArrayList<>();
    private long revision = 3;
    private final DossierImportService service = new DossierImportService(dossiers(), registry(), new FileExchange());

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private ImportResult check(String csv) {
        return service.check(ID, ExchangeFormat.CSV, null, new ByteArrayInputStream(utf8(csv)));
    }

    @Test
    void aDryRunListsEveryProblemWithItsLineAndTheCellsThatWouldChange() {
        ImportResult result = check("cellule;valeur\nCR.LOYERS.MONTANT;1 000,00\nCR.CHARGES.MONTANT;450,5\n"
            + "CR.RESULTAT.MONTANT;550\nCR.R99.MONTANT;3\nCR.RESULTAT.NOTE;\nCR.LOYERS.NOTE;douze\nCR.CHARGES.NOTE;beaucoup trop long pour la note\n");

        assertEquals(7, result.lines());
        assertEquals(List.of(new ImportMessage(5, 2, "CR.R99.MONTANT", "cellule-inconnue",
                "La cellule « CR.R99.MONTANT » n'existe pas dans le questionnaire QDIS 2025.1."),
            new ImportMessage(8, 2, "CR.CHARGES.NOTE", "texte-trop-long", "Le texte dépasse 20 caractères.")), result.problems());
        assertEquals(List.of(new CellUpdate(3, "CR.CHARGES.MONTANT", "400.00", "450,5"),
            new CellUpdate(6, "CR.RESULTAT.NOTE", "=1+1", null), new CellUpdate(7, "CR.LOYERS.NOTE", null, "douze"),
            new CellUpdate(8, "CR.CHARGES.NOTE", null, "beaucoup trop long pour la note")), result.changes(),
            "1 000,00 is the stored 1000.00: no change");
        assertEquals(List.of("CR.RESULTAT.MONTANT"), result.ignored().stream().map(ImportMessage::cell).toList());
        assertEquals("cellule-calculee", result.ignored().get(0).code());
        assertFalse(result.applied());
        assertEquals(3, result.revision());
        assertEquals(List.of(), saves);
    }

    @Test
    void aWrongTypeIsReportedAtItsLine() {
        ImportResult result = check("cellule;valeur\nCR.LOYERS.MONTANT;douze euros\n");
        assertEquals(List.of(new ImportMessage(2, 2, "CR.LOYERS.MONTANT", "nombre-invalide", "« douze euros » n'est pas un nombre.")),
            result.problems());
    }

    @Test
    void applyingAFileWithAnyProblemStoresNothing() {
        for (String bad : List.of("cellule;valeur\nCR.LOYERS.MONTANT;2000\nCR.CHARGES.MONTANT;abc\n",
            "cellule;valeur\nCR.LOYERS.MONTANT;2000\nCR.X.MONTANT;1\n",
            "cellule;valeur\nCR.LOYERS.MONTANT;2000\nCR.LOYERS.NOTE;=HYPERLINK(\"http://x\")\n")) {
            LiasseException refused = assertThrows(LiasseException.class, () -> service.apply(ID, 3, ExchangeFormat.CSV,
                "", new ByteArrayInputStream(utf8(bad)), "saisie.demo"));
            assertEquals(422, refused.status());
            assertEquals("import-refuse", refused.code());
            assertTrue(refused.getMessage().contains("rien n'a été enregistré"), refused.getMessage());
            assertEquals(1, refused.errors().size());
            assertTrue(refused.errors().get(0).message().startsWith("Ligne 3, colonne 2 : "), refused.errors().toString());
            assertEquals(1, ((List<?>) refused.properties().get("problems")).size());
        }
        LiasseException bomb = assertThrows(LiasseException.class, () -> service.apply(ID, 3, ExchangeFormat.XLSX, "",
            new ByteArrayInputStream(utf8("cellule;valeur\nCR.LOYERS.MONTANT;2000\n")), "saisie.demo"));
        assertEquals("contenu-non-conforme", bomb.errors().get(0).code());
        assertEquals(List.of(), saves, "nothing is stored");
        assertEquals("1000.00", stored.get("CR.LOYERS.MONTANT"));
    }

    @Test
    void applyingSavesEveryChangeInOneSave() {
        ImportResult result = service.apply(ID, 3, ExchangeFormat.CSV, "EXPORT_COMPTABLE",
            new ByteArrayInputStream(utf8("compte;solde\n706;1200\n60;400\n")), "saisie.demo");
        assertTrue(result.applied());
        assertEquals(4, result.revision());
        assertEquals(List.of(Map.of("CR.LOYERS.MONTANT", "1200")), saves);
        assertEquals(List.of(new CellUpdate(2, "CR.LOYERS.MONTANT", "1000.00", "1200")), result.changes());
    }

    @Test
    void aStaleRevisionIsTheSavesRefusal() {
        LiasseException stale = assertThrows(LiasseException.class, () -> service.apply(ID, 2, ExchangeFormat.CSV, null,
            new ByteArrayInputStream(utf8("cellule;valeur\nCR.LOYERS.MONTANT;5\n")), "saisie.demo"));
        assertEquals(412, stale.status());
        assertEquals(List.of(), saves);
    }

    @Test
    void theBuiltInMappingComesFirstAndAnUnknownMappingIsRefused() {
        assertEquals(List.of("LIASSE", "EXPORT_COMPTABLE"), service.mappings(ID).stream().map(MappingDefinition::code).toList());
        LiasseException unknown = assertThrows(LiasseException.class,
            () -> service.check(ID, ExchangeFormat.CSV, "AUTRE", new ByteArrayInputStream(utf8("a;b\n"))));
        assertEquals("correspondance-inconnue", unknown.code());
        assertEquals(404, assertThrows(LiasseException.class, () -> service.mappings(99)).status());
    }

    @Test
    void anExportInEveryFormatImportsBackWithoutAnyChange() {
        for (ExchangeFormat format : ExchangeFormat.values()) {
            ExportedFile file = service.export(ID, format);
            assertEquals("dossier-7-QDIS-2025." + format.extension(), file.name());
            ImportResult back = service.check(ID, format, null, new ByteArrayInputStream(file.content()));
            if (format == ExchangeFormat.XML) {
                assertEquals(List.of("injection-formule"), back.problems().stream().map(ImportMessage::code).toList(),
                    "a formula-like text is not neutralised in XML, so it cannot come back");
            } else {
                assertEquals(List.of(), back.problems(), format + " " + back.problems());
            }
            assertEquals(List.of(), back.changes(), format.name());
        }
        String csv = new String(service.export(ID, ExchangeFormat.CSV).content(), StandardCharsets.UTF_8);
        assertEquals("\uFEFFcellule;valeur\r\nCR.LOYERS.MONTANT;1000.00\r\nCR.CHARGES.MONTANT;400.00\r\n"
            + "CR.RESULTAT.MONTANT;600.00\r\nCR.RESULTAT.NOTE;'=1+1\r\n", csv, "questionnaire order, formula neutralised");
    }

    private DossierService dossiers() {
        return proxy(DossierService.class, (method, args) -> switch (method) {
            case "find" -> ((Long) args[0]) == ID ? Optional.of(dossier()) : Optional.empty();
            case "check" -> formatErrors(cast(args[1]));
            case "save" -> {
                if ((Long) args[1] != revision) {
                    throw new LiasseException(412, "version-perimee", "Le dossier a été modifié entre-temps.");
                }
                Map<String, String> changes = cast(args[2]);
                if (!formatErrors(changes).isEmpty()) {
                    throw LiasseException.invalid("cellules-invalides", "Refus", formatErrors(changes));
                }
                saves.add(Map.copyOf(changes));
                stored.putAll(changes);
                revision++;
                yield dossier();
            }
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private static PluginRegistry registry() {
        return proxy(PluginRegistry.class, (method, args) -> switch (method) {
            case "questionnaire" -> args[0].equals("QDIS") && args[1].equals("2025.1") ? Optional.of(QDIS) : Optional.empty();
            case "mappings" -> args[0].equals("QDIS") ? List.of(ACCOUNTS) : List.of();
            default -> throw new UnsupportedOperationException(method);
        });
    }

    private Dossier dossier() {
        return new Dossier(ID, "000000018", 2025, "QDIS", "2025.1", revision, "", new HashMap<>(stored));
    }

    /** The format controls the dossier service runs, cut down to what these tests need. */
    private static List<FieldError> formatErrors(Map<String, String> changes) {
        List<FieldError> errors = new ArrayList<>();
        changes.forEach((cell, value) -> {
            if (QDIS.cell(cell).isEmpty()) {
                errors.add(new FieldError(cell, "cellule-inconnue", "Cellule inconnue."));
            } else if (value.isEmpty()) {
                return;
            } else if (QDIS.cell(cell).get().column().type() == FieldType.AMOUNT) {
                try {
                    new BigDecimal(value.replace(" ", "").replace(',', '.'));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(cell, "nombre-invalide", "« " + value + " » n'est pas un nombre."));
                }
            } else if (value.length() > 20) {
                errors.add(new FieldError(cell, "texte-trop-long", "Le texte dépasse 20 caractères."));
            }
        });
        return errors;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private interface Handler {
        Object call(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            (self, method, args) -> handler.call(method.getName(), args)));
    }

    /** RESULTAT = LOYERS - CHARGES. */
    private static final class Difference implements Formula {

        @Override
        public String source() {
            return "CR.LOYERS.MONTANT - CR.CHARGES.MONTANT";
        }

        @Override
        public List<String> references() {
            return List.of("CR.LOYERS.MONTANT", "CR.CHARGES.MONTANT");
        }

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            return values.apply("CR.LOYERS.MONTANT").subtract(values.apply("CR.CHARGES.MONTANT"));
        }

        @Override
        public List<Object> tree() {
            return List.of("-", List.of("ref", "CR.LOYERS.MONTANT"), List.of("ref", "CR.CHARGES.MONTANT"));
        }
    }
}
