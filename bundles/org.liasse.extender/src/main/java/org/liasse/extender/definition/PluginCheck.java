package org.liasse.extender.definition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.liasse.api.definition.DefinitionProblem;
import org.liasse.api.definition.PluginDefinitions;
import org.liasse.api.format.FrenchFormat;

/**
 * Checks a built plugin exactly as the extender does when it loads: every definition file, every control and
 * aggregate compiled, every example dataset run. Run by the build of every plugin module
 * ({@code questionnaires/pom.xml}); fails the build with the located problems.
 */
public final class PluginCheck {

    private PluginCheck() {
    }

    /**
     * @param args the folder holding {@code META-INF/liasse/} (e.g. {@code target/classes}), then, optionally, the
     *             folders of the plugins it depends on (their questionnaires are offered as installed)
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage : PluginCheck <dossier contenant META-INF/liasse> [dépendances…]");
        }
        List<PluginDefinitions> dependencies = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            dependencies.add(check(Path.of(args[i]), List.of(), true).orElseThrow());
        }
        if (!Files.isDirectory(Path.of(args[0]).resolve(DefinitionLoader.ROOT))) {
            System.out.println("Aucun fichier " + DefinitionLoader.ROOT + " sous " + args[0] + " : rien à vérifier.");
            return;
        }
        check(Path.of(args[0]), dependencies, false);
    }

    private static Optional<PluginDefinitions> check(Path root, List<PluginDefinitions> dependencies, boolean quiet)
            throws IOException {
        LoadResult result = new DefinitionLoader().load(files(root), code -> dependencies.stream()
                .flatMap(d -> d.questionnaires().stream()).filter(q -> q.code().equals(code)).reduce((a, b) -> b));
        if (result instanceof LoadResult.Rejected rejected) {
            StringBuilder message = new StringBuilder("Plugin refusé (" + root + ") :");
            for (DefinitionProblem problem : rejected.problems()) {
                message.append("\n  ").append(problem);
            }
            throw new IllegalStateException(message.toString());
        }
        LoadResult.Loaded loaded = (LoadResult.Loaded) result;
        if (!quiet) {
            System.out.println("Plugin " + root + " valide : "
                    + FrenchFormat.count(loaded.definitions().questionnaires().size(), "questionnaire", "questionnaires")
                    + ", " + FrenchFormat.count(loaded.definitions().controls().size(), "contrôle", "contrôles") + ", "
                    + FrenchFormat.count(loaded.definitions().aggregates().size(), "agrégat", "agrégats") + ", "
                    + FrenchFormat.count(loaded.examples().size(), "exemple vérifié", "exemples vérifiés")
                    + (loaded.examples().isEmpty() ? "" : " : " + loaded.examples()));
        }
        return Optional.of(loaded.definitions());
    }

    /** The files under {@code META-INF/liasse/}, with paths relative to the root. */
    static List<DefinitionFile> files(Path root) throws IOException {
        Path definitions = root.resolve(DefinitionLoader.ROOT);
        if (!Files.isDirectory(definitions)) {
            return List.of();
        }
        List<DefinitionFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(definitions)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new DefinitionFile(root.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path)));
            }
        }
        return files;
    }
}
