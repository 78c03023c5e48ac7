package org.liasse.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.error.LiasseException;

class PluginUploadTest {

    private static final String EXTENDER = "osgi.extender;filter:=\"(osgi.extender=liasse)\"";

    @TempDir
    Path home;

    private static byte[] jar(Map<String, String> headers, String file) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(manifest.getMainAttributes()::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            if (file != null) {
                jar.putNextEntry(new JarEntry(file));
                jar.write("{}".getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] plugin(String name, String version) throws IOException {
        return jar(Map.of("Bundle-SymbolicName", name, "Bundle-Version", version, "Require-Capability", EXTENDER),
            "META-INF/liasse/questionnaires/q.json");
    }

    private static LiasseException refused(byte[] content, long limit) {
        return assertThrows(LiasseException.class, () -> PluginUpload.read(new ByteArrayInputStream(content), limit));
    }

    @Test
    void aValidPluginIsNamedAfterItsBundleAndMovedIntoDeployWithNothingLeftAside() throws IOException {
        byte[] content = plugin("org.liasse.essai;singleton:=true", "1.2");
        PluginUpload upload = PluginUpload.read(new ByteArrayInputStream(content), content.length);
        assertEquals("org.liasse.essai", upload.symbolicName());
        assertEquals("1.2.0", upload.version());

        Path installed = upload.install(home.resolve("deploy"));
        assertEquals(home.resolve("deploy/org.liasse.essai-1.2.0.jar"), installed);
        assertArrayEquals(content, Files.readAllBytes(installed));
        try (var files = Files.list(home)) {
            assertEquals(1, files.count(), "no staging file is left beside deploy/");
        }
    }

    @Test
    void aJarOverTheLimitIsRefusedWith413() throws IOException {
        byte[] content = plugin("org.liasse.essai", "1.0.0");
        LiasseException tooLarge = refused(content, content.length - 1);
        assertEquals(413, tooLarge.status());
        assertEquals("plugin-trop-volumineux", tooLarge.code());
    }

    @Test
    void whatIsNotALiassePluginIsRefusedBeforeInstallWithAFrenchReason() throws IOException {
        Map<String, byte[]> cases = Map.of(
            "vide", new byte[0],
            "manifeste", "pas une archive".getBytes(StandardCharsets.UTF_8),
            "Require-Capability", jar(Map.of("Bundle-SymbolicName", "org.liasse.essai", "Bundle-Version", "1.0.0"),
                "META-INF/liasse/q.json"),
            "Bundle-SymbolicName", jar(Map.of("Bundle-Version", "1.0.0", "Require-Capability", EXTENDER),
                "META-INF/liasse/q.json"),
            "nom symbolique", plugin("../../etc/org.liasse.essai", "1.0.0"),
            "version OSGi", plugin("org.liasse.essai", "un.deux"),
            "META-INF/liasse/", jar(Map.of("Bundle-SymbolicName", "org.liasse.essai", "Bundle-Version", "1.0.0",
                "Require-Capability", EXTENDER), "autre/q.json"));
        cases.forEach((reason, content) -> {
            LiasseException refusal = refused(content, 1024 * 1024);
            assertEquals(422, refusal.status(), reason);
            assertEquals("plugin-invalide", refusal.code(), reason);
            assertTrue(refusal.getMessage().contains(reason), reason + " : " + refusal.getMessage());
        });
    }
}
