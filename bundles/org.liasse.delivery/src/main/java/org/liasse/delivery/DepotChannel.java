package org.liasse.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.liasse.api.transmission.DeliveryChannel;
import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.DeliveryReceipt;
import org.liasse.api.transmission.Parcel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Drops parcels into a directory of the server (a share mounted by the recipient, a folder picked up by another
 * tool): {@code <directory>/<key>/}, see {@link Drop}. Setting: {@code directory}, an absolute path that must exist,
 * under the root of drops ({@code etc/org.liasse.delivery.depot.cfg}), links followed. A receipt names the drop, never
 * a path of the server: organisations see it.
 */
@Component(service = DeliveryChannel.class, configurationPid = "org.liasse.delivery.depot",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DepotChannel.Config.class)
public class DepotChannel implements DeliveryChannel {

    /** Where drops may go ({@code etc/org.liasse.delivery.depot.cfg}). */
    @ObjectClassDefinition(name = "Liasse delivery: folder drop")
    public @interface Config {

        /** The folder every drop directory lies under; empty: {@code ${karaf.data}/liasse/depots}. */
        @AttributeDefinition(description = "Racine des répertoires de dépôt (vide : ${karaf.data}/liasse/depots)")
        String root() default "";
    }

    private final Path root;

    /** Reads the root of drops. */
    @Activate
    public DepotChannel(Config config) {
        this(config.root().isBlank() ? Path.of(System.getProperty("karaf.data", "data"), "liasse", "depots")
            : Path.of(config.root()));
    }

    DepotChannel(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String type() {
        return "depot";
    }

    @Override
    public List<String> check(Map<String, String> settings) {
        List<String> problems = new ArrayList<>();
        String directory = Settings.get(settings, "directory");
        if (directory.isEmpty()) {
            problems.add("Le répertoire de dépôt (directory) est obligatoire.");
        } else if (!absolute(directory)) {
            problems.add("Le répertoire de dépôt doit être un chemin absolu : « " + directory + " ».");
        } else if (!Path.of(directory).normalize().startsWith(root)) {
            problems.add(OUTSIDE_ROOT);
        }
        return problems;
    }

    @Override
    public DeliveryReceipt deliver(Parcel parcel, Map<String, String> settings) throws DeliveryException {
        Settings.require(check(settings));
        Path directory;
        try {
            directory = Path.of(Settings.get(settings, "directory")).toRealPath();
            if (!directory.startsWith(root.toRealPath()) || !Files.isDirectory(directory)) {
                throw new DeliveryException(OUTSIDE_ROOT, true, null);
            }
        } catch (IOException e) {
            throw new DeliveryException("Le répertoire de dépôt du destinataire n'existe pas sur le serveur.", false, e);
        }
        String name = Manifest.folderName(parcel);
        try {
            Path folder = directory.resolve(name);
            Files.createDirectories(folder);
            Drop.into(new LocalFolder(folder), parcel);
        } catch (IOException e) {
            throw new DeliveryException("Dépôt impossible dans le répertoire du destinataire : "
                + e.getClass().getSimpleName(), false, e);
        }
        return new DeliveryReceipt("depot:" + name, "Déposé dans le répertoire du destinataire, dossier " + name
            + " (" + Manifest.summary(parcel) + ")");
    }

    private static final String OUTSIDE_ROOT = "Le répertoire de dépôt doit se trouver sous la racine des dépôts "
        + "du serveur (etc/org.liasse.delivery.depot.cfg).";

    private static boolean absolute(String directory) {
        try {
            return Path.of(directory).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** A folder of the local file system; files are flushed to disk before they get their name. */
    private record LocalFolder(Path path) implements Drop.Folder {

        @Override
        public Optional<String> sha256(String name) throws IOException {
            try {
                return Optional.of(Manifest.sha256(Files.newInputStream(path.resolve(name))));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public void write(String name, byte[] content) throws IOException {
            Path temporary = path.resolve("." + name + "." + UUID.randomUUID() + ".part");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temporary, path.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
