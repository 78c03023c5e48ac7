package org.liasse.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each kind, made in memory: just enough bytes for their kind to be recognised. */
final class Samples {

    private Samples() {
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        return bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0);
    }

    static byte[] jpeg() {
        return bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9);
    }

    static byte[] executable() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static byte[] csv() {
        return "code;libellé;effectif\nA1;Siège;12\nA2;Agence de Lyon;7\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx() {
        return zip(ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "/xl/workbook.xml",
            "xl/workbook.xml", "<workbook/>"));
    }

    static byte[] xlsxWithMacros() {
        Map<String, byte[]> entries = ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "/xl/workbook.xml", "xl/workbook.xml", "<workbook/>");
        entries.put("xl/vbaProject.bin", new byte[] {1, 2, 3});
        return zip(entries);
    }

    static byte[] docx() {
        return zip(ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "/word/document.xml", "word/document.xml", "<document/>"));
    }

    static byte[] ods() {
        return odf("application/vnd.oasis.opendocument.spreadsheet");
    }

    static byte[] odt() {
        return odf("application/vnd.oasis.opendocument.text");
    }

    static byte[] plainZip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("notes.txt", "bonjour".getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** An OOXML workbook with a 20 MiB entry of zeros, a few KiB once compressed. */
    static byte[] xlsxBomb() {
        Map<String, byte[]> entries = ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "/xl/workbook.xml", "xl/workbook.xml", "<workbook/>");
        entries.put("xl/worksheets/sheet1.xml", new byte[20 * 1024 * 1024]);
        return zip(entries);
    }

    static byte[] truncated(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length / 2);
    }

    private static Map<String, byte[]> ooxml(String mainType, String partName, String entry, String content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
            + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\""
            + "application/xml\"/><Override PartName=\"" + partName + "\" ContentType=\"" + mainType + "\"/></Types>")
            .getBytes(StandardCharsets.UTF_8));
        entries.put("_rels/.rels", "<Relationships/>".getBytes(StandardCharsets.UTF_8));
        entries.put(entry, content.getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    private static byte[] odf(String type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = type.getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write("<manifest/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
