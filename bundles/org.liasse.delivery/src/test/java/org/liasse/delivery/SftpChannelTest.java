package org.liasse.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;

/**
 * SFTP drops against a real Apache MINA SSHD server with the SFTP subsystem, on a loopback port, with a host key
 * generated for the test: the server key is checked before any credential is sent, and a parcel is written once.
 */
class SftpChannelTest {

    private static final String KEY = "DHUP-2025-ER-000000018-1";

    @TempDir
    Path root;
    @TempDir
    Path keys;

    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger renames = new AtomicInteger();
    private KeyPair clientKey;
    private KeyPair rsaClientKey;
    private String hostKey;
    private SshServer server;
    private SftpChannel channel;

    @BeforeEach
    void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair serverKey = generator.generateKeyPair();
        clientKey = generator.generateKeyPair();
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        rsaClientKey = rsa.generateKeyPair();
        hostKey = KeyUtils.getFingerPrint(BuiltinDigests.sha256, serverKey.getPublic());

        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void written(ServerSession session, String remoteHandle, FileHandle localHandle, long offset,
                                byte[] data, int dataOffset, int dataLen, Throwable thrown) {
                writes.incrementAndGet();
            }

            @Override
            public void moved(ServerSession session, Path source, Path target, Collection<CopyOption> options,
                              Throwable thrown) {
                renames.incrementAndGet();
            }
        });
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(serverKey));
        server.setPasswordAuthenticator((username, password, session) -> {
            passwordChecks.incrementAndGet();
            return "depot".equals(username) && "Secret-Depot-2025".equals(password);
        });
        server.setPublickeyAuthenticator((username, key, session) ->
            "depot".equals(username)
            && (KeyUtils.compareKeys(key, clientKey.getPublic())
                || KeyUtils.compareKeys(key, rsaClientKey.getPublic())));
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        server.start();
        Files.createDirectory(root.resolve("depots"));

        channel = new SftpChannel(Fixtures.config(SftpChannel.Config.class,
            Map.of("connectTimeout", 5, "authTimeout", 5)));
    }

    @AfterEach
    void stop() throws IOException {
        channel.stop();
        server.stop(true);
    }

    @Test
    void theParcelIsDroppedIntoAFolderNamedAfterItsKey() throws Exception {
        DeliveryReceipt receipt = channel.deliver(Fixtures.parcel(KEY), settings());

        String address = "sftp://127.0.0.1:" + server.getPort() + "/depots/" + KEY;
        assertEquals(address, receipt.reference());
        assertTrue(receipt.detail().startsWith("Déposé sur " + address + " (2 fichiers, "), receipt.detail());
        Path folder = root.resolve("depots").resolve(KEY);
        assertArrayEquals(Fixtures.PDF, Files.readAllBytes(folder.resolve("ER-2025-000000018.pdf")));
        assertArrayEquals(Fixtures.XML, Files.readAllBytes(folder.resolve("ER-2025-000000018.xml")));
        assertArrayEquals(Manifest.of(Fixtures.parcel(KEY)), Files.readAllBytes(folder.resolve("manifest.json")));
        assertEquals(List.of("ER-2025-000000018.pdf", "ER-2025-000000018.xml", "manifest.json"),
            DepotChannelTest.names(folder), "no temporary file is left");
        assertEquals(3, renames.get(), "each file was written under a temporary name, then renamed");
    }

    @Test
    void theSameParcelTwiceIsWrittenOnce() throws Exception {
        DeliveryReceipt first = channel.deliver(Fixtures.parcel(KEY), settings());
        int written = writes.get();

        DeliveryReceipt second = channel.deliver(Fixtures.parcel(KEY), settings());

        assertEquals(first, second);
        assertEquals(written, writes.get(), "nothing was written the second time");
        assertEquals(3, renames.get());
        assertEquals(List.of(KEY), DepotChannelTest.names(root.resolve("depots")));
        assertEquals(List.of("ER-2025-000000018.pdf", "ER-2025-000000018.xml", "manifest.json"),
            DepotChannelTest.names(root.resolve("depots").resolve(KEY)));
    }

    @Test
    void anOpenSshOrPemPrivateKeyFileAuthenticatesToo() throws Exception {
        Path openSsh = keys.resolve("id_ecdsa");
        try (OutputStream out = Files.newOutputStream(openSsh)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "depot", null, out);
        }
        Path pem = keys.resolve("id_rsa.pem");
        try (JcaPEMWriter out = new JcaPEMWriter(Files.newBufferedWriter(pem))) {
            out.writeObject(rsaClientKey);
        }
        for (Path file : List.of(openSsh, pem)) {
            Map<String, String> settings = new HashMap<>(settings());
            settings.remove("password");
            settings.put("privateKey", file.toString());

            channel.deliver(Fixtures.parcel(file.getFileName().toString()), settings);

            assertTrue(Files.exists(root.resolve("depots").resolve(file.getFileName().toString())
                .resolve("manifest.json")));
        }
        assertEquals(0, passwordChecks.get());
    }

    @Test
    void aServerPresentingAnotherKeyIsRefusedBeforeThePasswordIsSent() {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("hostKey", "SHA256:" + "A".repeat(43));

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().contains("(" + hostKey + ") ne correspond pas à l'empreinte attendue (SHA256:"
            + "A".repeat(43) + ")"), failure.getMessage());
        assertEquals(0, passwordChecks.get(), "the password never reached the server");
        assertFalse(Files.exists(root.resolve("depots").resolve(KEY)));
    }

    @Test
    void aWrongPasswordIsARetryableFailure() {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("password", "mauvais");

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().startsWith("Le serveur SFTP 127.0.0.1:" + server.getPort()
            + " a refusé l'authentification de « depot »"), failure.getMessage());
        assertFalse(Files.exists(root.resolve("depots").resolve(KEY)));
    }

    @Test
    void aServerDownIsARetryableFailure() throws Exception {
        Map<String, String> settings = settings();
        server.stop(true);

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().startsWith("Connexion au serveur SFTP 127.0.0.1:"), failure.getMessage());
    }

    @Test
    void aMissingRemoteDirectoryIsARetryableFailure() {
        Map<String, String> settings = new HashMap<>(settings());
        settings.put("directory", "/absent");

        DeliveryException failure = assertThrows(DeliveryException.class,
            () -> channel.deliver(Fixtures.parcel(KEY), settings));

        assertFalse(failure.permanent());
        assertTrue(failure.getMessage().contains("Le répertoire distant « /absent » n'existe pas"),
            failure.getMessage());
    }

    @Test
    void settingsAreChecked() {
        assertEquals(List.of(), channel.check(settings()));
        assertEquals(List.of("Le serveur SFTP (host) est obligatoire.",
            "L'utilisateur SFTP (username) est obligatoire.",
            "Un mot de passe (password) ou une clé privée (privateKey) est obligatoire.",
            "Le répertoire distant (directory) est obligatoire.",
            "L'empreinte de la clé du serveur (hostKey, « SHA256:… ») est obligatoire : sans elle, le serveur ne peut "
                + "pas être authentifié."), channel.check(Map.of()));
        assertEquals(List.of("Le port SFTP doit être un nombre entre 1 et 65535 : « 70000 ».",
            "La clé privée doit être désignée par un chemin absolu : « id_ecdsa ».",
            "Le répertoire distant doit être un chemin absolu : « depots ».",
            "L'empreinte de la clé du serveur doit être de la forme « SHA256: » suivie de 43 caractères en base 64, "
                + "comme l'affiche « ssh-keygen -lf » : « MD5:12:34 »."),
            channel.check(Map.of("host", "sftp.example", "port", "70000", "username", "depot", "privateKey",
                "id_ecdsa", "directory", "depots", "hostKey", "MD5:12:34")));
    }

    private Map<String, String> settings() {
        return Map.of("host", "127.0.0.1", "port", Integer.toString(server.getPort()), "username", "depot",
            "password", "Secret-Depot-2025", "directory", "/depots", "hostKey", hostKey);
    }
}
