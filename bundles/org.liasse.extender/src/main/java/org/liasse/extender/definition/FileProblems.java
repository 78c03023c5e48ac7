package org.liasse.extender.definition;

import java.util.List;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.SourceLocation;

/** Adds the problems found in one file to the problems of the whole plugin. */
final class FileProblems {

    private final String file;
    private final List<DefinitionProblem> sink;
    private int count;

    FileProblems(String file, List<DefinitionProblem> sink) {
        this.file = file;
        this.sink = sink;
    }

    /** The location of a position in this file. */
    SourceLocation at(Position position) {
        return new SourceLocation(file, position.line(), position.column());
    }

    /** Adds a problem at a position of this file. */
    void add(Position position, String message) {
        add(at(position), message);
    }

    /** Adds a problem at a location of this file. */
    void add(SourceLocation location, String message) {
        sink.add(new DefinitionProblem(location, message));
        count++;
    }

    /** Adds a problem about the file as a whole. */
    void addToFile(String message) {
        add(new SourceLocation(file, 0, 0), message);
    }

    /** How many problems were added through this object. */
    int count() {
        return count;
    }
}
