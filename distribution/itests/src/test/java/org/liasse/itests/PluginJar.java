package org.liasse.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds a plugin bundle in memory: a manifest requiring the liasse extender and definition files. */
public final class PluginJar {

    private final String symbolicName;
    private final String version;
    private final Map<String, String> files = new LinkedHashMap<>();

    public PluginJar(String symbolicName, String version) {
        this.symbolicName = symbolicName;
        this.version = version;
    }

    /** Adds a file under {@code META-INF/liasse/}. */
    public PluginJar file(String path, String content) {
        files.put("META-INF/liasse/" + path, content);
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
