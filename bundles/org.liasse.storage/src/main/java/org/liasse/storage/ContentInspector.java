package org.liasse.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;

/**
 * Decides what a file really is from its bytes, never from its name or the type claimed by the client, and refuses
 * what the exchange space does not accept. Apache Tika's magic detection recognises PDF, PNG, JPEG, plain text and
 * ZIP containers; a container is then opened ({@link ZipFile} reads the central directory only, and at most
 * {@value #MAX_MANIFEST_BYTES} bytes of one small entry are inflated, so a zip bomb costs nothing) and is accepted
 * only when it is a real OOXML workbook or document ({@code [Content_Types].xml} declares the main part, without
 * macros) or a real OpenDocument spreadsheet or text (its {@code mimetype} entry).
 */
final class ContentInspector {

    static final String TEXT = "text/plain";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    static final String ODT = "application/vnd.oasis.opendocument.text";

    /** Largest {@code [Content_Types].xml} or {@code mimetype} entry read. */
    static final int MAX_MANIFEST_BYTES = 256 * 1024;
    /** Most entries in an accepted container. */
    static final int MAX_ENTRIES = 10_000;
    /** Largest total uncompressed size declared by an accepted container. */
    static final long MAX_DECLARED_BYTES = 1024L * 1024 * 1024;
    /** Largest compression ratio of a big entry of an accepted container. */
    static final long MAX_RATIO = 200;

    private static final String ZIP = "application/zip";
    private static final String XLSX_MAIN = XLSX + ".main+xml";
    private static final String DOCX_MAIN = DOCX + ".main+xml";

    private final MimeTypes types;

    /** Uses Tika's shipped media type definitions. */
    ContentInspector() {
        this.types = MimeTypes.getDefaultMimeTypes(MimeTypes.class.getClassLoader());
    }

    /**
     * The kind of an accepted file.
     *
     * @param file stored bytes, not empty
     * @param name sanitised file name, whose extension must announce the kind the content has
     * @throws LiasseException 422 {@code type-interdit} when the extension is not accepted,
     *                         {@code extension-trompeuse} when the content is not what the extension announces,
     *                         {@code fichier-illisible} when a container is damaged, {@code archive-suspecte} when
     *                         it declares absurd sizes
     */
    FileKind inspect(Path file, String name) {
        String extension = FileNames.extension(name);
        Optional<FileKind> announced = FileKind.byExtension(extension);
        if (announced.isEmpty()) {
            throw refusal("type-interdit", "Le fichier « " + name + " » est refusé : " + (extension.isEmpty()
                ? "il n'a pas d'extension" : "les fichiers ." + extension + " ne sont pas acceptés")
                + ". Types acceptés : " + FileKind.allExtensions() + ".");
        }
        String content = contentType(file, name);
        if (!announced.get().contentType().equals(content)) {
            String actual = FileKind.byContent(content)
                .map(kind -> "est en réalité : " + (TEXT.equals(content) ? "du texte brut (CSV ou TXT)" : kind.label()))
                .orElse("n'est pas un type accepté (" + content + ")");
            throw refusal("extension-trompeuse", "Le fichier « " + name + " » porte l'extension ." + extension + " ("
                + announced.get().label() + ") mais son contenu " + actual + ". Déposez le bon fichier, ou donnez-lui "
                + "l'extension de son vrai type.");
        }
        return announced.get();
    }

    /** The type found in the content: one of the constants of this class, or what Tika detected. */
    String contentType(Path file, String name) {
        MediaType detected;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            detected = types.detect(in, new Metadata()).getBaseType();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaTypeRegistry registry = types.getMediaTypeRegistry();
        if (detected.toString().equals(ZIP) || registry.isSpecializationOf(detected, MediaType.APPLICATION_ZIP)) {
            return container(file, name);
        }
        return detected.toString();
    }

    /** What a ZIP container holds: XLSX, DOCX, ODS, ODT, or {@code application/zip} for anything else. */
    private static String container(Path file, String name) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw suspicious(name);
            }
            long declared = 0;
            boolean macros = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                long size = Math.max(0, entry.getSize());
                declared += size;
                if (declared > MAX_DECLARED_BYTES
                    || size > 1024 * 1024 && entry.getCompressedSize() > 0 && size / entry.getCompressedSize() > MAX_RATIO) {
                    throw suspicious(name);
                }
                String entryName = entry.getName();
                macros |= entryName.endsWith("vbaProject.bin") || entryName.startsWith("Basic/") || entryName.startsWith("Scripts/");
            }
            if (macros) {
                return ZIP;
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && zip.getEntry("content.xml") != null) {
                String declaredType = read(zip, mimetype, name).strip();
                if (declaredType.equals(ODS) || declaredType.equals(ODT)) {
                    return declaredType;
                }
            }
            ZipEntry contentTypes = zip.getEntry("[Content_Types].xml");
            if (contentTypes != null) {
                String manifest = read(zip, contentTypes, name);
                if (manifest.contains("\"" + XLSX_MAIN + "\"") && zip.getEntry("xl/workbook.xml") != null) {
                    return XLSX;
                }
                if (manifest.contains("\"" + DOCX_MAIN + "\"") && zip.getEntry("word/document.xml") != null) {
                    return DOCX;
                }
            }
            return ZIP;
        } catch (ZipException e) {
            throw refusal("fichier-illisible", "Le fichier « " + name + " » est endommagé ou incomplet : il ne peut pas "
                + "être ouvert. Enregistrez-le à nouveau depuis votre logiciel, puis déposez-le.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At most {@link #MAX_MANIFEST_BYTES} inflated bytes of a small entry. */
    private static String read(ZipFile zip, ZipEntry entry, String name) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw suspicious(name);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static LiasseException suspicious(String name) {
        return refusal("archive-suspecte", "Le fichier « " + name + " » déclare un contenu démesuré (archive piégée ?) : "
            + "il est refusé.");
    }

    private static LiasseException refusal(String code, String detail) {
        return LiasseException.invalid(code, detail, List.of(new FieldError("fichier", code, detail)));
    }
}
