package org.liasse.extender.definition;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.definition.QuestionnaireDefinition;

/** Test helpers: fixture plugins read from {@code src/test/resources/plugins/<name>/} and result assertions. */
final class Fixtures {

    /** No questionnaire installed by other plugins. */
    static final Function<String, Optional<QuestionnaireDefinition>> NONE_INSTALLED = code -> Optional.empty();

    private Fixtures() {
    }

    /** The files of a fixture plugin, with paths relative to the plugin root. */
    static List<DefinitionFile> plugin(String name) {
        URL url = Fixtures.class.getResource("/plugins/" + name);
        if (url == null) {
            throw new IllegalArgumentException("No fixture plugin " + name);
        }
        try (Stream<Path> paths = Files.walk(Path.of(url.toURI()))) {
            Path root = Path.of(url.toURI());
            return paths.filter(Files::isRegularFile).sorted().map(path -> file(root, path)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An in-memory file. */
    static DefinitionFile file(String path, String content) {
        return new DefinitionFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts that the plugin was loaded and returns its definitions. */
    static PluginDefinitions loaded(LoadResult result) {
        return assertInstanceOf(LoadResult.Loaded.class, result, () -> "rejected: " + result).definitions();
    }

    /** Asserts that the plugin was rejected and returns its problems. */
    static List<DefinitionProblem> rejected(LoadResult result) {
        return assertInstanceOf(LoadResult.Rejected.class, result).problems();
    }

    /** Asserts that one of the problems is at this place and its message contains this text. */
    static void assertProblem(List<DefinitionProblem> problems, String file, int line, int column, String message) {
        assertTrue(problems.stream().anyMatch(problem -> problem.location().file().equals(file)
                        && problem.location().line() == line && problem.location().column() == column
                        && problem.message().contains(message)),
                () -> "no problem " + file + ":" + line + ":" + column + " « " + message + " » in\n"
                        + problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n")));
    }

    private static DefinitionFile file(Path root, Path path) {
        try {
            String relative = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
            return new DefinitionFile(relative, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
