package org.liasse.delivery;

import java.io.IOException;
import java.net.UnknownHostException;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.liasse.api.transmission.DeliveryChannel;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;
import org.liasse.api.transmission.Parcel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops parcels on an SFTP server (Apache MINA SSHD client) into {@code <directory>/<key>/}, see {@link Drop}.
 * Settings: {@code host}, {@code port} (22), {@code username}, {@code password} or {@code privateKey} (path of an
 * unencrypted PEM or OpenSSH key file), {@code directory} (absolute, must exist) and {@code hostKey}, the SHA-256
 * fingerprint of the server's key ({@code SHA256:…}, as {@code ssh-keygen -lf} prints it): a server presenting
 * another key is refused before any credential is sent.
 */
@Component(service = DeliveryChannel.class, configurationPid = "org.liasse.delivery.sftp",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SftpChannel.Config.class)
public class SftpChannel implements DeliveryChannel {

    /** Timeouts ({@code etc/org.liasse.delivery.sftp.cfg}). */
    @ObjectClassDefinition(name = "Liasse delivery: SFTP")
    public @interface Config {

        /** Connection timeout, in seconds. */
        @AttributeDefinition(description = "Délai de connexion, en secondes")
        int connectTimeout() default 15;

        /** Key exchange and authentication timeout, in seconds. */
        @AttributeDefinition(description = "Délai d'échange de clés et d'authentification, en secondes")
        int authTimeout() default 30;

        /** A session silent for longer is closed, in seconds. */
        @AttributeDefinition(description = "Délai d'inactivité de la session, en secondes")
        int idleTimeout() default 120;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SftpChannel.class);
    private static final AttributeKey<HostKeyCheck> HOST_KEY_CHECK = new AttributeKey<>();

    private final Duration connectTimeout;
    private final Duration authTimeout;
    private final SshClient client;

    /** Starts the SSH client, which never reads the user's {@code ~/.ssh} configuration or keys. */
    @Activate
    public SftpChannel(Config config) {
        this.connectTimeout = Duration.ofSeconds(config.connectTimeout());
        this.authTimeout = Duration.ofSeconds(config.authTimeout());
        this.client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setServerKeyVerifier(SftpChannel::verifyServerKey);
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ofSeconds(config.idleTimeout()));
        client.start();
    }

    /** Stops the SSH client. */
    @Deactivate
    public void stop() {
        client.stop();
    }

    @Override
    public String type() {
        return "sftp";
    }

    @Override
    public List<String> check(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String host = Settings.get(settings, "host");
        if (host.isEmpty()) {
            problems.add("Le serveur SFTP (host) est obligatoire.");
        } else {
            Addresses.refusedHost(host).ifPresent(problems::add);
        }
        String port = Settings.get(settings, "port");
        if (!port.isEmpty() && !(port.matches("\\d{1,5}") && Integer.parseInt(port) >= 1
            && Integer.parseInt(port) <= 65535)) {
            problems.add("Le port SFTP doit être un nombre entre 1 et 65535 : « " + port + " ».");
        }
        if (Settings.get(settings, "username").isEmpty()) {
            problems.add("L'utilisateur SFTP (username) est obligatoire.");
        }
        String privateKey = Settings.get(settings, "privateKey");
        if (Settings.get(settings, "password").isEmpty() && privateKey.isEmpty()) {
            problems.add("Un mot de passe (password) ou une clé privée (privateKey) est obligatoire.");
        }
        if (!privateKey.isEmpty() && !Path.of(privateKey).isAbsolute()) {
            problems.add("La clé privée doit être désignée par un chemin absolu : « " + privateKey + " ».");
        }
        String directory = Settings.get(settings, "directory");
        if (directory.isEmpty()) {
            problems.add("Le répertoire distant (directory) est obligatoire.");
        } else if (!directory.startsWith("/")) {
            problems.add("Le répertoire distant doit être un chemin absolu : « " + directory + " ».");
        }
        String hostKey = Settings.get(settings, "hostKey");
        if (hostKey.isEmpty()) {
            problems.add("L'empreinte de la clé du serveur (hostKey, « SHA256:… ») est obligatoire : "
                + "sans elle, le serveur ne peut pas être authentifié.");
        } else if (!hostKey.matches("SHA256:[A-Za-z0-9+/]{43}=?")) {
            problems.add("L'empreinte de la clé du serveur doit être de la forme « SHA256: » suivie de 43 caractères "
                + "en base 64, comme l'affiche « ssh-keygen -lf » : « " + hostKey + " ».");
        }
        return problems;
    }

    @Override
    public DeliveryReceipt deliver(Parcel parcel, Map<String, String> settings) throws DeliveryException {
        Settings.require(check(settings));
        String host = Settings.get(settings, "host");
        String port = Settings.get(settings, "port");
        int portNumber = port.isEmpty() ? 22 : Integer.parseInt(port);
        String username = Settings.get(settings, "username");
        String password = Settings.get(settings, "password");
        try {
            Optional<String> refused = Addresses.refusedResolved(host);
            if (refused.isPresent()) {
                throw new DeliveryException(refused.get(), true, null);
            }
        } catch (UnknownHostException e) {
            throw new DeliveryException("Le serveur SFTP « " + host + " » est inconnu.", false, e);
        }
        String privateKey = Settings.get(settings, "privateKey");
        if (!privateKey.isEmpty() && !Files.isReadable(Path.of(privateKey))) {
            throw new DeliveryException("La clé privée « " + privateKey + " » est illisible.", false, null);
        }
        String directory = Settings.get(settings, "directory").replaceFirst("/+$", "");
        String folder = directory + "/" + Manifest.folderName(parcel);
        String server = host + (portNumber == 22 ? "" : ":" + portNumber);
        String address = "sftp://" + server + folder;

        HostKeyCheck hostKey = new HostKeyCheck(Settings.get(settings, "hostKey").replaceFirst("=$", ""));
        ClientSession session;
        try {
            ConnectFuture connecting = client.connect(username, host, portNumber,
                AttributeRepository.ofKeyValuePair(HOST_KEY_CHECK, hostKey), null);
            connecting.verify(connectTimeout);
            session = connecting.getSession();
        } catch (IOException e) {
            throw new DeliveryException("Connexion au serveur SFTP " + server + " impossible : " + e.getMessage(),
                false, e);
        }
        try (session) {
            if (!password.isEmpty()) {
                session.addPasswordIdentity(password);
            }
            if (!privateKey.isEmpty()) {
                session.setKeyIdentityProvider(new FileKeyPairProvider(Path.of(privateKey)));
            }
            try {
                session.auth().verify(authTimeout);
            } catch (IOException e) {
                if (hostKey.presented != null) {
                    LOG.warn("Le serveur SFTP {} présente la clé {} au lieu de {} : connexion refusée", server,
                        hostKey.presented, hostKey.expected);
                    throw new DeliveryException("La clé du serveur SFTP " + server + " (" + hostKey.presented
                        + ") ne correspond pas à l'empreinte attendue (" + hostKey.expected + ") : connexion refusée, "
                        + "rien n'a été envoyé.", false, e);
                }
                throw new DeliveryException("Le serveur SFTP " + server + " a refusé l'authentification de « "
                    + username + " » : " + e.getMessage(), false, e);
            }
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                if (!isDirectory(sftp, directory.isEmpty() ? "/" : directory)) {
                    throw new DeliveryException("Le répertoire distant « " + directory + " » n'existe pas sur "
                        + server + ".", false, null);
                }
                if (!isDirectory(sftp, folder)) {
                    sftp.mkdir(folder);
                }
                Drop.into(new RemoteFolder(sftp, folder), parcel);
            }
        } catch (IOException e) {
            throw new DeliveryException("Dépôt sur " + address + " interrompu : " + e.getMessage(), false, e);
        }
        return new DeliveryReceipt(address, "Déposé sur " + address + " (" + Manifest.summary(parcel) + ")");
    }

    private static boolean verifyServerKey(ClientSession session, SocketAddress address, PublicKey key) {
        HostKeyCheck check = session.getConnectionContext().getAttribute(HOST_KEY_CHECK);
        String presented = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        if (presented.equals(check.expected)) {
            return true;
        }
        check.presented = presented;
        return false;
    }

    private static boolean isDirectory(SftpClient sftp, String path) throws IOException {
        try {
            return sftp.stat(path).isDirectory();
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    /** The fingerprint a connection expects, and the one the server presented when it was another. */
    private static final class HostKeyCheck {

        final String expected;
        volatile String presented;

        HostKeyCheck(String expected) {
            this.expected = expected;
        }
    }

    /** A folder on the SFTP server. */
    private record RemoteFolder(SftpClient sftp, String path) implements Drop.Folder {

        @Override
        public Optional<String> sha256(String name) throws IOException {
            try {
                return Optional.of(Manifest.sha256(sftp.read(path + "/" + name)));
            } catch (SftpException e) {
                if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                    return Optional.empty();
                }
                throw e;
            }
        }

        @Override
        public void write(String name, byte[] content) throws IOException {
            String temporary = path + "/." + name + "." + UUID.randomUUID() + ".part";
            try {
                try (OutputStream out = sftp.write(temporary, OpenMode.Write, OpenMode.Create, OpenMode.Exclusive)) {
                    out.write(content);
                }
                sftp.rename(temporary, path + "/" + name);
            } catch (IOException e) {
                try {
                    sftp.remove(temporary);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
        }
    }
}
