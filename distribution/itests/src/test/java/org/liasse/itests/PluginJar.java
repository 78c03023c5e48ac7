package org.liasse.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds a plugin bundle in memory: a manifest requiring the liasse extender and definition files. */
public final class PluginJar {

    private static final String ROOT = "META-INF/liasse/";

    private final String symbolicName;
    private final String version;
    private final Map<String, String> files = new LinkedHashMap<>();

    public PluginJar(String symbolicName, String version) {
        this.symbolicName = symbolicName;
        this.version = version;
    }

    /**
     * A new version of an installed plugin: every definition file of its jar, with one text replaced in the file whose
     * path (under {@code META-INF/liasse/}) is given; fails if that file does not hold the text.
     */
    public static PluginJar copyOf(Path installed, String symbolicName, String version, String path, String from,
                                   String to) throws IOException {
        PluginJar jar = new PluginJar(symbolicName, version);
        try (InputStream in = Files.newInputStream(installed); JarInputStream entries = new JarInputStream(in)) {
            for (JarEntry file; (file = entries.getNextJarEntry()) != null; ) {
                if (file.isDirectory() || !file.getName().startsWith(ROOT)) {
                    continue;
                }
                String name = file.getName().substring(ROOT.length());
                String content = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                jar.file(name, name.equals(path) ? content.replace(from, to) : content);
                if (name.equals(path) && !content.contains(from)) {
                    throw new AssertionError(path + " of " + installed + " does not contain " + from);
                }
            }
        }
        if (!jar.files.containsKey(ROOT + path)) {
            throw new AssertionError(installed + " has no " + path);
        }
        return jar;
    }

    /** Adds a file under {@code META-INF/liasse/}. */
    public PluginJar file(String path, String content) {
        files.put(ROOT + path, content);
        return this;
    }

    /** A questionnaire with one fiche of one amount table, applying to 2025. */
    public PluginJar questionnaire(String code, String questionnaireVersion, String... rows) {
        StringBuilder rowJson = new StringBuilder();
        for (String row : rows) {
            rowJson.append(rowJson.length() == 0 ? "" : ", ")
                .append("{ \"code\": \"").append(row).append("\", \"label\": \"Ligne ").append(row).append("\" }");
        }
        return file("questionnaires/" + code.toLowerCase() + ".json", """
            {
              "code": "%s",
              "version": "%s",
              "title": "Questionnaire de test %s",
              "years": [2025],
              "fiches": [ { "code": "F1", "title": "Fiche 1", "tables": [ {
                "code": "T1", "title": "Tableau 1",
                "rows": [ %s ],
                "columns": [ { "code": "MONTANT", "label": "Montant", "type": "amount" } ]
              } ] } ]
            }
            """.formatted(code, questionnaireVersion, code, rowJson));
    }

    public byte[] bytes() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(osgi.extender=liasse)\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
