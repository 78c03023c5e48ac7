package org.liasse.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures what a command prints on the console during each test ({@code @RegisterExtension}). */
final class Console implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream console;

    @Override
    public void beforeEach(ExtensionContext context) {
        console = System.out;
        out.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(console);
    }

    /** What was printed so far. */
    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
