package org.liasse.extender.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.RowDefinition;
import org.liasse.api.definition.TableDefinition;
import org.liasse.api.dossier.OrganisationTypes;
import org.liasse.extender.definition.LocatedNode.JsonArray;
import org.liasse.extender.definition.LocatedNode.JsonBoolean;
import org.liasse.extender.definition.LocatedNode.JsonNumber;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;
import org.liasse.extender.definition.LocatedNode.Member;

/**
 * Builds a {@link QuestionnaireDefinition} from a tree that matches {@code questionnaire.schema.json},
 * reporting the rules a schema cannot express: unique codes and the properties each field type needs.
 */
final class QuestionnaireReader {

    private static final Set<FieldType> SCALED = Set.of(FieldType.DECIMAL, FieldType.AMOUNT, FieldType.PERCENTAGE);
    private static final int DEFAULT_SCALE = 2;

    private final SharedFiches shared;
    /** The problems of the file being read: the questionnaire's, or a shared fiche's while it is read. */
    private FileProblems problems;
    private JsonTree tree;
    private final UniqueCodes ficheCodes = new UniqueCodes();
    private final UniqueCodes tableCodes = new UniqueCodes();
    /** Where each formula was written: cell code to its JSON string and the row that {@code @} refers to. */
    private final Map<String, Formulas.Source> formulaNodes = new LinkedHashMap<>();

    private QuestionnaireReader(JsonTree tree, FileProblems problems, SharedFiches shared) {
        this.tree = tree;
        this.problems = problems;
        this.shared = shared;
    }

    /**
     * Reads a schema-valid questionnaire, reporting its semantic problems, and compiles its formulas.
     *
     * @param shared the plugin's shared fiches, which the questionnaire may name by code
     */
    static QuestionnaireDefinition read(JsonTree tree, FileProblems problems, SharedFiches shared) {
        JsonObject root = (JsonObject) tree.root();
        QuestionnaireReader reader = new QuestionnaireReader(tree, problems, shared);
        List<Integer> years = reader.years((JsonArray) root.get("years").orElseThrow());
        List<FicheDefinition> fiches = ((JsonArray) root.get("fiches").orElseThrow()).items().stream()
                .map(reader::ficheOrShared).flatMap(Optional::stream).toList();
        QuestionnaireDefinition plain = new QuestionnaireDefinition(root.string("code"), root.string("version"),
                root.string("title"), years, fiches, Map.of(), problems.at(root.position()));
        List<String> filers = reader.organisationTypes(root, "organisationTypes", List.of());
        return new QuestionnaireDefinition(plain.code(), plain.version(), plain.title(), years, fiches,
                Formulas.compile(plain, reader.formulaNodes), plain.location(), filers,
                reader.organisationTypes(root, "voluntaryFor", filers));
    }

    /**
     * The organisation types of a list of the questionnaire ({@code organisationTypes}: who files it;
     * {@code voluntaryFor}: who among them files it voluntarily, {@code filers} when it is not empty); an unknown,
     * repeated or non-filing type is reported where it is written.
     */
    private List<String> organisationTypes(JsonObject root, String key, List<String> filers) {
        List<String> types = new ArrayList<>();
        root.strings(key).forEach(item -> {
            String type = item.value();
            if (types.contains(type)) {
                problems.add(item.position(), "type d'organisme en double : " + type);
            } else if (OrganisationTypes.known(type) && !filers.isEmpty() && !filers.contains(type)) {
                problems.add(item.position(), "type d'organisme « " + type + " » volontaire mais absent de "
                    + "organisationTypes : " + String.join(", ", filers));
            } else if (OrganisationTypes.known(type)) {
                types.add(type);
            } else {
                problems.add(item.position(), "type d'organisme inconnu « " + type + " » : possible "
                    + String.join(", ", OrganisationTypes.ALL.stream().map(OrganisationTypes.Type::code).toList()));
            }
        });
        return types;
    }

    private List<Integer> years(JsonArray array) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> years = new ArrayList<>();
        for (LocatedNode item : array.items()) {
            int year = ((JsonNumber) item).value().intValueExact();
            if (seen.add(year)) {
                years.add(year);
            } else {
                problems.add(item.position(), "année en double : " + year);
            }
        }
        return years;
    }

    private Optional<FicheDefinition> ficheOrShared(LocatedNode item) {
        if (item instanceof JsonObject node) {
            return Optional.of(fiche(node));
        }
        JsonString code = (JsonString) item;
        Optional<SharedFiches.Shared> found = shared.find(code.value());
        if (found.isEmpty()) {
            problems.add(code.position(), "fiche partagée inconnue « " + code.value() + " » : le plugin partage "
                    + (shared.codes().isEmpty() ? "aucune fiche (fiches/*.json)" : String.join(", ", shared.codes())));
            return Optional.empty();
        }
        FileProblems own = problems;
        JsonTree ownTree = tree;
        problems = found.get().problems();
        tree = found.get().tree();
        try {
            return Optional.of(fiche(found.get().node()));
        } finally {
            problems = own;
            tree = ownTree;
        }
    }

    private FicheDefinition fiche(JsonObject node) {
        claim(ficheCodes, node, "code de fiche en double");
        UniqueCodes rowCodes = new UniqueCodes();
        String fiche = node.string("code");
        List<TableDefinition> tables = node.objects("tables").stream()
                .map(table -> table(fiche, table, rowCodes)).toList();
        return new FicheDefinition(fiche, node.string("title"), tables, optionalString(node, "help"));
    }

    private TableDefinition table(String fiche, JsonObject node, UniqueCodes rowCodes) {
        claim(tableCodes, node, "code de table en double");
        String code = node.string("code");
        Optional<Member> maxRows = node.member("maxRows");
        boolean repeating = maxRows.isPresent();
        List<JsonObject> rowNodes = node.get("rows").isPresent() ? node.objects("rows") : List.of();
        if (repeating == !rowNodes.isEmpty()) {
            problems.add(node.position(), "une table a soit des lignes « rows » (table fixe), soit « maxRows » "
                    + "(table répétée), l'un des deux et pas les deux");
        }
        UniqueCodes columnCodes = new UniqueCodes();
        List<JsonObject> columnNodes = node.objects("columns");
        List<ColumnDefinition> columns = columnNodes.stream().map(column -> {
            claim(columnCodes, column, "code de colonne en double dans la table");
            return column(column);
        }).toList();
        List<RowDefinition> rows = rowNodes.stream().map(row -> {
            claim(rowCodes, row, "code de ligne en double dans la fiche");
            return row(fiche, row, columns);
        }).toList();
        TableDefinition table = new TableDefinition(code, node.string("title"), rows, columns, repeating,
                maxRows.map(member -> ((JsonNumber) member.value()).value().intValueExact()).orElse(0));
        if (repeating) {
            for (int n = 1; n <= table.maxRows(); n++) {
                rowCodes.claim(table.repeatedRowCode(n), problems.at(node.position()), problems,
                        "la ligne « " + table.repeatedRowCode(n) + " » de la table répétée entre en conflit avec une "
                                + "ligne de la fiche");
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            JsonObject column = columnNodes.get(i);
            if (column.get("formula").isPresent()) {
                for (String row : table.rowCodes()) {
                    formulaNodes.putIfAbsent(QuestionnaireDefinition.cellCode(fiche, row, columns.get(i).code()),
                            new Formulas.Source(column.stringNode("formula"), fiche + "." + row, tree, problems));
                }
            }
        }
        return table;
    }

    private RowDefinition row(String fiche, JsonObject node, List<ColumnDefinition> columns) {
        String code = node.string("code");
        Map<String, String> computed = new LinkedHashMap<>();
        node.get("computed").map(JsonObject.class::cast).ifPresent(formulas -> {
            for (Member member : formulas.members()) {
                if (knownColumn("computed", member, columns)) {
                    JsonString formula = (JsonString) member.value();
                    computed.put(member.name(), formula.value());
                    formulaNodes.put(QuestionnaireDefinition.cellCode(fiche, code, member.name()),
                            new Formulas.Source(formula, null, tree, problems));
                }
            }
        });
        return new RowDefinition(code, node.string("label"), optionalString(node, "help"), computed,
                cellHelp(node, columns));
    }

    /** The row's {@code cellHelp}: column code to help text, a column the table lacks reported where it is named. */
    private Map<String, String> cellHelp(JsonObject row, List<ColumnDefinition> columns) {
        Map<String, String> help = new LinkedHashMap<>();
        row.get("cellHelp").map(JsonObject.class::cast).ifPresent(texts -> {
            for (Member member : texts.members()) {
                if (knownColumn("cellHelp", member, columns)) {
                    help.put(member.name(), ((JsonString) member.value()).value());
                }
            }
        });
        return help;
    }

    /** Whether a member of a row's {@code property} names a column of its table; reported where written if not. */
    private boolean knownColumn(String property, Member member, List<ColumnDefinition> columns) {
        if (columns.stream().anyMatch(column -> column.code().equals(member.name()))) {
            return true;
        }
        problems.add(member.position(), "« " + property + " » : aucune colonne « " + member.name()
                + " » dans cette table");
        return false;
    }

    private static String optionalString(JsonObject node, String name) {
        return node.get(name).map(value -> ((JsonString) value).value()).orElse("");
    }

    private BigDecimal bound(JsonObject node, String name, FieldType type) {
        Optional<Member> bound = node.member(name);
        if (bound.isPresent() && !type.numeric()) {
            problems.add(bound.get().position(), "« " + name + " » n'est permis que pour les types numériques");
            return null;
        }
        return bound.map(member -> ((JsonNumber) member.value()).value()).orElse(null);
    }

    private ColumnDefinition column(JsonObject node) {
        String typeName = node.string("type");
        FieldType type = FieldType.valueOf(typeName.toUpperCase(Locale.ROOT));
        boolean required = node.get("required").map(value -> ((JsonBoolean) value).value()).orElse(false);
        BigDecimal min = bound(node, "min", type);
        BigDecimal max = bound(node, "max", type);
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(node.position(), "« min » dépasse « max »");
        }
        Optional<Member> formula = node.member("formula");
        if (formula.isPresent() && !type.numeric()) {
            problems.add(formula.get().position(), "« formula » n'est permis que pour les types numériques");
        }
        return new ColumnDefinition(node.string("code"), node.string("label"), type, scale(node, type),
                maxLength(node, type), required, codes(node, type), optionalString(node, "unit"),
                optionalString(node, "help"), min, max, formula.map(member -> ((JsonString) member.value()).value())
                .orElse(null), node.get("carryOver").map(value -> ((JsonBoolean) value).value()).orElse(false));
    }

    private int scale(JsonObject column, FieldType type) {
        Optional<Member> scale = column.member("scale");
        if (scale.isPresent() && !SCALED.contains(type)) {
            problems.add(scale.get().position(),
                    "« scale » n'est permis que pour les types decimal, amount et percentage");
        } else if (scale.isPresent()) {
            return ((JsonNumber) scale.get().value()).value().intValueExact();
        } else if (type == FieldType.DECIMAL) {
            problems.add(column.position(), "« scale » est obligatoire pour le type decimal");
        }
        return SCALED.contains(type) ? DEFAULT_SCALE : 0;
    }

    private int maxLength(JsonObject column, FieldType type) {
        Optional<Member> maxLength = column.member("maxLength");
        if (maxLength.isPresent() && type != FieldType.TEXT) {
            problems.add(maxLength.get().position(), "« maxLength » n'est permis que pour le type text");
        } else if (maxLength.isPresent()) {
            return ((JsonNumber) maxLength.get().value()).value().intValueExact();
        } else if (type == FieldType.TEXT) {
            problems.add(column.position(), "« maxLength » (positif) est obligatoire pour le type text");
        }
        return 0;
    }

    private List<String> codes(JsonObject column, FieldType type) {
        Optional<Member> codes = column.member("codes");
        if (codes.isPresent() && type != FieldType.CODE) {
            problems.add(codes.get().position(), "« codes » n'est permis que pour le type code");
        } else if (codes.isPresent()) {
            return distinctCodes((JsonArray) codes.get().value());
        } else if (type == FieldType.CODE) {
            problems.add(column.position(), "la liste « codes » est obligatoire pour le type code");
        }
        return List.of();
    }

    private List<String> distinctCodes(JsonArray array) {
        List<String> codes = new ArrayList<>();
        for (LocatedNode item : array.items()) {
            String code = ((JsonString) item).value();
            if (codes.contains(code)) {
                problems.add(item.position(), "valeur en double dans « codes » : « " + code + " »");
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    private void claim(UniqueCodes codes, JsonObject node, String message) {
        JsonString code = node.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems, message + " « " + code.value() + " »");
    }
}
