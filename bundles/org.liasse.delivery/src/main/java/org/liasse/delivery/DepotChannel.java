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
import org.osgi.service.component.annotations.Component;

/**
 * Drops parcels into a directory of the server (a share mounted by the recipient, a folder picked up by another
 * tool): {@code <directory>/<key>/}, see {@link Drop}. Setting: {@code directory}, an absolute path that must exist.
 */
@Component(service = DeliveryChannel.class)
public class DepotChannel implements DeliveryChannel {

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
        }
        return problems;
    }

    @Override
    public DeliveryReceipt deliver(Parcel parcel, Map<String, String> settings) throws DeliveryException {
        Settings.require(check(settings));
        Path directory = Path.of(Settings.get(settings, "directory"));
        if (!Files.isDirectory(directory)) {
            throw new DeliveryException("Le répertoire de dépôt « " + directory + " » n'existe pas.", false, null);
        }
        Path folder = directory.resolve(Manifest.folderName(parcel));
        try {
            Files.createDirectories(folder);
            Drop.into(new LocalFolder(folder), parcel);
        } catch (IOException e) {
            throw new DeliveryException("Dépôt dans « " + folder + " » impossible : " + e, false, e);
        }
        return new DeliveryReceipt(folder.toString(),
            "Déposé dans " + folder + " (" + Manifest.summary(parcel) + ")");
    }

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
