package org.liasse.delivery;

import java.io.IOException;
import java.util.Optional;

import org.liasse.api.transmission.DeliveryException;
import org.liasse.api.transmission.Parcel;
import org.liasse.api.transmission.ParcelFile;

/**
 * The idempotent drop of a parcel into its own folder ({@code <directory>/<key>/}), shared by the directory and SFTP
 * channels. Each file is written under a temporary name then renamed, a file already there with the same SHA-256 is
 * not written again, and the manifest is written last: a folder with its manifest is complete.
 */
final class Drop {

    /** The parcel's folder, on a local or remote file system. */
    interface Folder {

        /** The lower-case hexadecimal SHA-256 of a file of the folder, empty when there is no such file. */
        Optional<String> sha256(String name) throws IOException;

        /** Writes a file under a temporary name of the folder, then renames it to its name. */
        void write(String name, byte[] content) throws IOException;
    }

    private Drop() {
    }

    /** Drops the parcel's files then its manifest, skipping what is already there. */
    static void into(Folder folder, Parcel parcel) throws IOException, DeliveryException {
        byte[] manifest = Manifest.of(parcel);
        String manifestSha256 = Manifest.sha256(manifest);
        if (folder.sha256(Manifest.FILE_NAME).filter(manifestSha256::equals).isPresent()) {
            return;
        }
        for (ParcelFile file : parcel.files()) {
            put(folder, Manifest.safeName(file.name()), file.content());
        }
        put(folder, Manifest.FILE_NAME, manifest);
    }

    private static void put(Folder folder, String name, byte[] content) throws IOException, DeliveryException {
        Optional<String> existing = folder.sha256(name);
        if (existing.isEmpty()) {
            folder.write(name, content);
        } else if (!existing.get().equals(Manifest.sha256(content))) {
            throw new DeliveryException("Le fichier « " + name + " » déjà déposé pour ce colis a un autre contenu : "
                + "il n'est pas remplacé. Vérifiez avec le destinataire lequel fait foi.", true, null);
        }
    }
}
