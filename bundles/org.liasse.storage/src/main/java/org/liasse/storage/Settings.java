package org.liasse.storage;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Channel settings of a recipient stored as one text column, in the {@code .properties} syntax. */
final class Settings {

    private Settings() {
    }

    /** Settings to text, keys sorted, without the date comment. */
    static String write(Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(settings).forEach((key, value) -> {
            Properties one = new Properties();
            one.setProperty(key, value == null ? "" : value);
            StringWriter writer = new StringWriter();
            try {
                one.store(writer, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writer.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> text.append(l).append('\n'));
        });
        return text.toString();
    }

    /** Text to settings. */
    static Map<String, String> read(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text == null ? "" : text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> settings.put(k, properties.getProperty(k)));
        return settings;
    }
}
