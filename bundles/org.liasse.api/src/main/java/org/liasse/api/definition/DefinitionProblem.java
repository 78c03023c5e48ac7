package org.liasse.api.definition;

/**
 * A reason why a plugin's definitions were rejected.
 *
 * @param location where the problem was found
 * @param message  French, human-readable explanation
 */
public record DefinitionProblem(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + " : " + message;
    }
}
