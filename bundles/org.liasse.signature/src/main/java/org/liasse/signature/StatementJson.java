package org.liasse.signature;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.liasse.api.signature.Statement;
import org.liasse.api.signature.StatementLine;
import org.liasse.api.signature.StatementSection;

/**
 * The data file of a statement: UTF-8 JSON in the {@value #FORMAT} format described in {@code docs/signature.md}.
 */
final class StatementJson {

    /** Format identifier, the first member of the document. */
    static final String FORMAT = "liasse-statement/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatementJson() {
    }

    /** The JSON document of a statement. */
    static byte[] write(Statement statement) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.putObject("dossier").put("id", statement.dossierId()).put("revision", statement.revision());
        root.putObject("organisation").put("siren", statement.siren()).put("name", statement.organisationName());
        root.put("campaign", statement.year());
        root.putObject("questionnaire").put("code", statement.questionnaireCode())
            .put("label", statement.questionnaireLabel()).put("version", statement.questionnaireVersion());
        root.putObject("signedBy").put("login", statement.signerLogin()).put("name", statement.signerName());
        root.put("signedAt", statement.signedAt().toString());
        ArrayNode sections = root.putArray("sections");
        for (StatementSection section : statement.sections()) {
            ObjectNode node = sections.addObject().put("code", section.code()).put("label", section.label());
            ArrayNode lines = node.putArray("lines");
            for (StatementLine line : section.lines()) {
                lines.addObject().put("cell", line.cell()).put("label", line.label()).put("value", line.value());
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who signed for which organisation, read from a data file; refused unless it is a {@value #FORMAT} document. */
    static Claims claims(byte[] json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("format " + FORMAT + " attendu");
        }
        JsonNode signedBy = root.path("signedBy");
        JsonNode organisation = root.path("organisation");
        return Claims.of(signedBy.path("login").asText(), signedBy.path("name").asText(),
            organisation.path("siren").asText(), organisation.path("name").asText());
    }
}
