package org.liasse.extender.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.liasse.api.definition.ColumnDefinition;
import org.liasse.api.definition.FicheDefinition;
import org.liasse.api.definition.FieldType;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.RowDefinition;
import org.liasse.api.definition.TableDefinition;
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

    private final FileProblems problems;
    private final UniqueCodes ficheCodes = new UniqueCodes();
    private final UniqueCodes tableCodes = new UniqueCodes();

    private QuestionnaireReader(FileProblems problems) {
        this.problems = problems;
    }

    /** Reads a schema-valid questionnaire, reporting its semantic problems. */
    static QuestionnaireDefinition read(JsonObject root, FileProblems problems) {
        QuestionnaireReader reader = new QuestionnaireReader(problems);
        List<Integer> years = reader.years((JsonArray) root.get("years").orElseThrow());
        List<FicheDefinition> fiches = root.objects("fiches").stream().map(reader::fiche).toList();
        return new QuestionnaireDefinition(root.string("code"), root.string("version"), root.string("title"),
                years, fiches, problems.at(root.position()));
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

    private FicheDefinition fiche(JsonObject node) {
        claim(ficheCodes, node, "code de fiche en double");
        UniqueCodes rowCodes = new UniqueCodes();
        List<TableDefinition> tables = node.objects("tables").stream().map(table -> table(table, rowCodes)).toList();
        return new FicheDefinition(node.string("code"), node.string("title"), tables);
    }

    private TableDefinition table(JsonObject node, UniqueCodes rowCodes) {
        claim(tableCodes, node, "code de table en double");
        List<RowDefinition> rows = node.objects("rows").stream().map(row -> {
            claim(rowCodes, row, "code de ligne en double dans la fiche");
            return new RowDefinition(row.string("code"), row.string("label"));
        }).toList();
        UniqueCodes columnCodes = new UniqueCodes();
        List<ColumnDefinition> columns = node.objects("columns").stream().map(column -> {
            claim(columnCodes, column, "code de colonne en double dans la table");
            return column(column);
        }).toList();
        return new TableDefinition(node.string("code"), node.string("title"), rows, columns);
    }

    private ColumnDefinition column(JsonObject node) {
        String typeName = node.string("type");
        FieldType type = FieldType.valueOf(typeName.toUpperCase(Locale.ROOT));
        boolean required = node.get("required").map(value -> ((JsonBoolean) value).value()).orElse(false);
        return new ColumnDefinition(node.string("code"), node.string("label"), type, scale(node, type),
                maxLength(node, type), required, codes(node, type));
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
