package org.liasse.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.liasse.api.exchange.ExportedCell;

/**
 * XML files read with the JDK's StAX parser, with DTDs and external entities disabled: one record per element of
 * the mapping's record name, anywhere in the document, the key in an attribute and the value as text.
 */
final class XmlFiles {

    /** Root element of an export. */
    static final String ROOT = "liasse";

    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private XmlFiles() {
    }

    /** Reads the text of an XML file into the collector. */
    static void read(String text, Collector collector, String record, String keyAttribute) {
        XMLStreamReader reader = null;
        try {
            reader = INPUT.createXMLStreamReader(new StringReader(text));
            int[] lineStarts = TextLines.starts(text);
            boolean root = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    Location at = reader.getLocation();
                    collector.problem(at.getLineNumber(), at.getColumnNumber(), null, "xml-dtd-interdite",
                        "Le fichier XML déclare une DTD (<!DOCTYPE …>) : c'est interdit pour des raisons de sécurité.");
                    return;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                root = true;
                if (!reader.getLocalName().equals(record)) {
                    continue;
                }
                Location at = reader.getLocation();
                int line = at.getLineNumber();
                if (!collector.line(line)) {
                    return;
                }
                String key = reader.getAttributeValue(null, keyAttribute);
                int column = tagColumn(text, lineStarts, line, at.getColumnNumber(), record);
                String value;
                try {
                    value = reader.getElementText();
                } catch (XMLStreamException e) {
                    if (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                        throw e;
                    }
                    collector.problem(line, column, null, "xml-valeur-invalide", "L'élément <" + record
                        + "> doit contenir seulement du texte.");
                    return;
                }
                if (key == null) {
                    collector.problem(line, column, null, "cle-manquante", "L'élément <" + record
                        + "> n'a pas d'attribut « " + keyAttribute + " ».");
                    continue;
                }
                collector.value(line, column, column, key, value);
            }
            if (!root) {
                collector.problem(0, 0, null, "fichier-vide", "Le fichier XML ne contient aucun élément.");
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            collector.problem(at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(), null,
                "xml-invalide", "Le fichier XML est mal formé ou utilise des entités non autorisées : rien n'a été importé.");
        } finally {
            close(reader);
        }
    }

    /** Writes cells as {@code <liasse><cellule code="…">valeur</cellule>…</liasse>}. */
    static void write(List<ExportedCell> cells, OutputStream out, String record, String keyAttribute) throws IOException {
        try {
            XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
            writer.writeStartElement(ROOT);
            for (ExportedCell cell : cells) {
                writer.writeCharacters("\n  ");
                writer.writeStartElement(record);
                writer.writeAttribute(keyAttribute, cell.cell());
                writer.writeCharacters(cell.value());
                writer.writeEndElement();
            }
            writer.writeCharacters("\n");
            writer.writeEndElement();
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** The column where a start tag opens, the parser giving the position just after it. */
    private static int tagColumn(String text, int[] lineStarts, int line, int after, String record) {
        int lineStart = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1];
        int open = text.lastIndexOf("<" + record, lineStart + Math.max(after - 1, 0));
        return open >= lineStart ? open - lineStart + 1 : after;
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // Nothing is held: the text is in memory.
            }
        }
    }
}
