package org.liasse.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-socket HTTP/1.1 proxy put between two servers, one request per connection, that misbehaves on demand:
 * drops requests (closes the connection without answering), delivers them twice, delays them, or alters a byte of
 * the answer's body.
 */
final class FaultyProxy implements AutoCloseable {

    /** How the proxy treats requests. */
    enum Mode {
        /** Forwards faithfully. */
        FAITHFUL,
        /**
         * Drops every other request, delivers the others twice after a delay, as a network that retransmits: the
         * client gets the first answer, the second (the server's answer to the replay) is kept in {@link #replays}.
         */
        FAULTY,
        /** Forwards, then alters one digit of each answer's body. */
        TAMPERING
    }

    private final ServerSocket socket;
    private final int upstream;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.FAITHFUL;
    /** Requests dropped, duplicated and altered so far. */
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger duplicated = new AtomicInteger();
    final AtomicInteger altered = new AtomicInteger();
    /** The server's answers to the requests delivered a second time. */
    final List<String> replays = new CopyOnWriteArrayList<>();

    FaultyProxy(int upstream) throws IOException {
        this.upstream = upstream;
        this.socket = new ServerSocket(0);
        Thread acceptor = new Thread(this::accept, "faulty-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void mode(Mode newMode) {
        mode = newMode;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread worker = new Thread(() -> serve(client), "faulty-proxy-request");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            byte[] request = readRequest(client.getInputStream());
            if (request == null) {
                return;
            }
            int number = requests.incrementAndGet();
            Mode current = mode;
            if (current == Mode.FAULTY && number % 2 == 1) {
                dropped.incrementAndGet();
                return;
            }
            byte[] answer;
            if (current == Mode.FAULTY) {
                Thread.sleep(700);
                answer = forward(request);
                replays.add(new String(forward(request), StandardCharsets.UTF_8));
                duplicated.incrementAndGet();
            } else {
                answer = forward(request);
            }
            if (current == Mode.TAMPERING) {
                answer = alter(answer);
            }
            OutputStream out = client.getOutputStream();
            out.write(answer);
            out.flush();
        } catch (IOException e) {
            // The client gave up: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a request upstream on a new connection and returns the whole answer. */
    private byte[] forward(byte[] request) throws IOException {
        try (Socket server = new Socket("localhost", upstream)) {
            server.getOutputStream().write(request);
            server.getOutputStream().flush();
            return server.getInputStream().readAllBytes();
        }
    }

    /** Changes the first digit after {@code "values"} in the body. */
    private byte[] alter(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int values = text.indexOf("\"values\"");
        for (int i = values; values >= 0 && i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                altered.incrementAndGet();
                char changed = text.charAt(i) == '9' ? '8' : (char) (text.charAt(i) + 1);
                return (text.substring(0, i) + changed + text.substring(i + 1)).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        return answer;
    }

    /** Reads one request (headers, then a Content-Length body) and rewrites it to close the connection after. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        StringBuilder headers = new StringBuilder();
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
            if (!line.isEmpty() && !lower.startsWith("connection:")) {
                headers.append(line).append("\r\n");
            }
        }
        headers.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(headers.toString().getBytes(StandardCharsets.ISO_8859_1));
        request.write(in.readNBytes(length));
        return request.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
