package org.liasse.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.liasse.api.definition.CellDefinition;
import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.exchange.CellUpdate;
import org.liasse.api.exchange.DossierExchange;
import org.liasse.api.exchange.DossierImports;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.exchange.ExportedCell;
import org.liasse.api.exchange.ExportedFile;
import org.liasse.api.exchange.ImportFile;
import org.liasse.api.exchange.ImportMessage;
import org.liasse.api.exchange.ImportResult;
import org.liasse.api.exchange.ImportedValue;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Imports files into dossiers and exports them. A file is read through its mapping; cells it leaves as they are
 * and computed cells (recomputed by the platform) are set aside; the remaining changes are checked by the dossier
 * service (format controls), each refusal being traced back to its line. Applying saves all the changes at once,
 * only when there is no problem at all.
 */
@Component(service = DossierImports.class)
public class DossierImportService implements DossierImports {

    private static final Comparator<ImportMessage> BY_PLACE =
        Comparator.comparingInt(ImportMessage::line).thenComparingInt(ImportMessage::column);

    private final DossierService dossiers;
    private final PluginRegistry plugins;
    private final DossierExchange files;

    /** Creates the service with the dossiers, the active definitions and the file formats. */
    @Activate
    public DossierImportService(@Reference DossierService dossiers, @Reference PluginRegistry plugins,
                                @Reference DossierExchange files) {
        this.dossiers = dossiers;
        this.plugins = plugins;
        this.files = files;
    }

    @Override
    public List<MappingDefinition> mappings(long dossierId) {
        return mappingsOf(dossier(dossierId).questionnaireCode());
    }

    @Override
    public ImportResult check(long dossierId, ExchangeFormat format, String mappingCode, InputStream content) {
        return prepare(dossier(dossierId), format, mappingCode, content).result(false, -1);
    }

    @Override
    public ImportResult apply(long dossierId, long expectedRevision, ExchangeFormat format, String mappingCode,
                              InputStream content, String actor) {
        Prepared prepared = prepare(dossier(dossierId), format, mappingCode, content);
        if (!prepared.problems.isEmpty()) {
            throw LiasseException.invalid("import-refuse", "Le fichier contient "
                    + FrenchFormat.count(prepared.problems.size(), "problème", "problèmes") + " : rien n'a été enregistré. Corrigez-les, puis vérifiez le fichier de nouveau.",
                    prepared.problems.stream().map(DossierImportService::fieldError).toList())
                .with("problems", prepared.problems);
        }
        if (prepared.changes.isEmpty()) {
            return prepared.result(true, -1);
        }
        Dossier saved = dossiers.save(dossierId, expectedRevision, prepared.changes, actor);
        return prepared.result(true, saved.revision());
    }

    @Override
    public ExportedFile export(long dossierId, ExchangeFormat format) {
        Dossier dossier = dossier(dossierId);
        List<ExportedCell> cells = new ArrayList<>();
        Map<String, String> values = new TreeMap<>(dossier.values());
        Optional<QuestionnaireDefinition> definition =
            plugins.questionnaire(dossier.questionnaireCode(), dossier.questionnaireVersion());
        definition.ifPresent(questionnaire -> questionnaire.cells().values().forEach(cell -> {
            String value = values.remove(cell.code());
            if (value != null && !value.isEmpty()) {
                cells.add(new ExportedCell(cell.code(), value, cell.column().type().numeric()));
            }
        }));
        values.forEach((cell, value) -> {
            if (value != null && !value.isEmpty()) {
                cells.add(new ExportedCell(cell, value, false));
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            files.write(format, cells, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "dossier-" + dossier.id() + "-" + dossier.questionnaireCode() + "-" + dossier.year() + "."
            + format.extension();
        return new ExportedFile(name, format.mediaType(), out.toByteArray());
    }

    private Prepared prepare(Dossier dossier, ExchangeFormat format, String mappingCode, InputStream content) {
        MappingDefinition mapping = mapping(dossier.questionnaireCode(), mappingCode);
        ImportFile file = files.read(format, content, mapping);
        Map<String, CellDefinition> cells = plugins.questionnaire(dossier.questionnaireCode(),
            dossier.questionnaireVersion()).map(QuestionnaireDefinition::cells).orElse(null);
        Prepared prepared = new Prepared(dossier, mapping, format, file);
        Map<String, ImportedValue> byCell = new HashMap<>();
        for (ImportedValue value : file.values()) {
            CellDefinition cell = cells == null ? null : cells.get(value.cell());
            if (cells != null && cell == null) {
                prepared.problems.add(new ImportMessage(value.line(), value.column(), value.cell(), "cellule-inconnue",
                    "La cellule « " + value.cell() + " » n'existe pas dans le questionnaire "
                        + dossier.questionnaireCode() + " " + dossier.questionnaireVersion() + "."));
            } else if (cell != null && cell.computed()) {
                prepared.ignored.add(new ImportMessage(value.line(), value.column(), value.cell(), "cellule-calculee",
                    "Cellule calculée par la plateforme : la valeur du fichier est ignorée."));
            } else {
                String stored = dossier.values().get(value.cell());
                if (!SameValue.same(cell == null ? null : cell.column().type(), stored, value.value())) {
                    prepared.changes.put(value.cell(), value.value());
                    prepared.updates.add(new CellUpdate(value.line(), value.cell(), stored,
                        value.value().isEmpty() ? null : value.value()));
                    byCell.put(value.cell(), value);
                }
            }
        }
        if (!prepared.changes.isEmpty()) {
            for (FieldError error : dossiers.check(dossier.id(), prepared.changes)) {
                ImportedValue at = byCell.get(error.field());
                prepared.problems.add(at == null
                    ? new ImportMessage(0, 0, error.field(), error.code(), error.message())
                    : new ImportMessage(at.line(), at.column(), at.cell(), error.code(), error.message()));
            }
        }
        prepared.problems.sort(BY_PLACE);
        return prepared;
    }

    private MappingDefinition mapping(String questionnaire, String code) {
        String wanted = code == null || code.isBlank() ? MappingDefinition.BUILT_IN : code.strip();
        return mappingsOf(questionnaire).stream().filter(mapping -> mapping.code().equals(wanted)).findFirst()
            .orElseThrow(() -> LiasseException.invalid("correspondance-inconnue", "Aucune correspondance « " + wanted
                + " » pour le questionnaire " + questionnaire + ".", List.of()));
    }

    private List<MappingDefinition> mappingsOf(String questionnaire) {
        List<MappingDefinition> mappings = new ArrayList<>();
        mappings.add(MappingDefinition.builtIn(questionnaire));
        mappings.addAll(plugins.mappings(questionnaire));
        return mappings;
    }

    private Dossier dossier(long id) {
        return dossiers.find(id)
            .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
    }

    private static FieldError fieldError(ImportMessage problem) {
        String place = problem.line() == 0 ? "" : "Ligne " + problem.line()
            + (problem.column() == 0 ? "" : ", colonne " + problem.column()) + " : ";
        return new FieldError(problem.cell() != null ? problem.cell() : "ligne " + problem.line(), problem.code(),
            place + problem.message());
    }

    /** A file read and compared with the dossier. */
    private static final class Prepared {

        private final Dossier dossier;
        private final MappingDefinition mapping;
        private final ExchangeFormat format;
        private final ImportFile file;
        private final List<ImportMessage> problems;
        private final List<ImportMessage> ignored = new ArrayList<>();
        private final Map<String, String> changes = new LinkedHashMap<>();
        private final List<CellUpdate> updates = new ArrayList<>();

        Prepared(Dossier dossier, MappingDefinition mapping, ExchangeFormat format, ImportFile file) {
            this.dossier = dossier;
            this.mapping = mapping;
            this.format = format;
            this.file = file;
            this.problems = new ArrayList<>(file.problems());
        }

        ImportResult result(boolean applied, long savedRevision) {
            return new ImportResult(mapping.code(), format, file.lines(), problems, updates, ignored, applied,
                savedRevision < 0 ? dossier.revision() : savedRevision);
        }
    }
}
