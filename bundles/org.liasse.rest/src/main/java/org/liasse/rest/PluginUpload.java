package org.liasse.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.liasse.api.error.LiasseException;
import org.osgi.framework.Version;

/**
 * A plugin jar sent by an operator, checked before it joins Karaf's {@code deploy/} folder: at most {@code limit}
 * bytes (413 beyond), a readable jar whose manifest names the bundle, its version and the {@code liasse} extender it
 * needs, with definition files under {@code META-INF/liasse/} (422 otherwise). It is then installed as an
 * operator's copy would be: written aside, then moved into the folder in one step under a name made of its symbolic
 * name and version, never of anything the client chose.
 *
 * @param symbolicName the bundle symbolic name, which is the plugin id
 * @param version      the bundle version
 * @param content      the jar
 */
record PluginUpload(String symbolicName, String version, byte[] content) {

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern LIASSE_EXTENDER = Pattern.compile("osgi\\.extender\\s*=\\s*liasse\\s*\\)");
    private static final String DEFINITIONS = "META-INF/liasse/";

    /** Reads and checks a jar of at most {@code limit} bytes. */
    static PluginUpload read(InputStream body, long limit) {
        byte[] content;
        try {
            content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw refused("Le fichier n’a pas pu être lu en entier : " + e.getMessage());
        }
        if (content.length > limit) {
            throw new LiasseException(413, "plugin-trop-volumineux", "Le fichier dépasse la taille maximale d’un "
                + "plugin (" + limit / 1024 + " Kio).");
        }
        if (content.length == 0) {
            throw refused("Le fichier est vide : choisissez le fichier .jar du plugin.");
        }
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(content))) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw refused("Ce fichier n’est pas un plugin : il n’a pas de manifeste (META-INF/MANIFEST.MF).");
            }
            String name = header(manifest, "Bundle-SymbolicName").split(";")[0].strip();
            if (!SYMBOLIC_NAME.matcher(name).matches()) {
                throw refused("Le nom symbolique « " + name + " » n’est pas valable : lettres, chiffres, tirets et "
                    + "soulignés, séparés par des points.");
            }
            String version;
            try {
                version = Version.parseVersion(header(manifest, "Bundle-Version")).toString();
            } catch (IllegalArgumentException e) {
                throw refused("La version « " + manifest.getMainAttributes().getValue("Bundle-Version")
                    + " » n’est pas une version OSGi (par exemple 1.2.0).");
            }
            String required = manifest.getMainAttributes().getValue("Require-Capability");
            if (required == null || !LIASSE_EXTENDER.matcher(required).find()) {
                throw refused("Ce bundle n’est pas un plugin Liasse : son manifeste doit demander "
                    + "Require-Capability: osgi.extender;filter:=\"(osgi.extender=liasse)\".");
            }
            if (!hasDefinitions(jar)) {
                throw refused("Le plugin ne contient aucun fichier de définition sous " + DEFINITIONS + ".");
            }
            return new PluginUpload(name, version, content);
        } catch (IOException e) {
            throw refused("Ce fichier n’est pas une archive .jar lisible : " + e.getMessage());
        }
    }

    private static boolean hasDefinitions(JarInputStream jar) throws IOException {
        for (JarEntry entry; (entry = jar.getNextJarEntry()) != null; ) {
            if (!entry.isDirectory() && entry.getName().startsWith(DEFINITIONS)) {
                return true;
            }
        }
        return false;
    }

    private static String header(Manifest manifest, String name) {
        String value = manifest.getMainAttributes().getValue(name);
        if (value == null || value.isBlank()) {
            throw refused("Le manifeste du plugin n’a pas d’en-tête " + name + ".");
        }
        return value;
    }

    private static LiasseException refused(String detail) {
        return LiasseException.invalid("plugin-invalide", detail, List.of());
    }

    /** The name of the file in {@code deploy/}. */
    String fileName() {
        return symbolicName + "-" + version + ".jar";
    }

    /**
     * Writes the jar beside {@code deploy}, then moves it in atomically, replacing a jar of the same plugin version;
     * returns its path there.
     */
    Path install(Path deploy) {
        try {
            Files.createDirectories(deploy);
            Path staging = Files.createTempFile(deploy.toAbsolutePath().getParent(), "plugin", ".part");
            try {
                Files.write(staging, content);
                return Files.move(staging, deploy.resolve(fileName()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Dépôt du plugin " + fileName() + " impossible", e);
        }
    }
}
