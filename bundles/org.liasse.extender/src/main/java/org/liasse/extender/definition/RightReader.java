package org.liasse.extender.definition;

import java.util.List;

import org.liasse.api.definition.RightDefinition;
import org.liasse.api.identity.Rights;
import org.liasse.extender.definition.LocatedNode.JsonObject;
import org.liasse.extender.definition.LocatedNode.JsonString;

/**
 * Builds {@link RightDefinition}s from trees that match {@code rights.schema.json}, checking that codes are unique
 * in the plugin and do not redefine a core right.
 */
final class RightReader {

    private final UniqueCodes codes = new UniqueCodes();

    /** Reads the rights of one schema-valid file, reporting their semantic problems. */
    List<RightDefinition> read(JsonTree tree, FileProblems problems) {
        return ((JsonObject) tree.root()).objects("rights").stream().map(right -> right(right, problems)).toList();
    }

    private RightDefinition right(JsonObject node, FileProblems problems) {
        JsonString code = node.stringNode("code");
        codes.claim(code.value(), problems.at(code.position()), problems, "code de droit en double « " + code.value() + " »");
        if (Rights.core(code.value())) {
            problems.add(code.position(), "le droit « " + code.value() + " » est un droit du socle : choisissez un autre code");
        }
        return new RightDefinition(code.value(), node.string("label"), problems.at(node.position()));
    }
}
