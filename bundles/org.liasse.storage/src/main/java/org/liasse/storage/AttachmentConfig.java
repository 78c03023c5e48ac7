package org.liasse.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the exchange space of dossiers ({@code etc/org.liasse.attachments.cfg}). */
@ObjectClassDefinition(name = "Liasse attachments")
public @interface AttachmentConfig {

    /** Configuration PID. */
    String PID = "org.liasse.attachments";

    /** Folder of the stored files; empty: {@code ${karaf.data}/liasse/pieces}. Never under the web root. */
    @AttributeDefinition(description = "Dossier de stockage des pièces jointes (vide : ${karaf.data}/liasse/pieces)")
    String directory() default "";

    /** Largest accepted file, in bytes. */
    @AttributeDefinition(description = "Taille maximale d'un fichier (octets)")
    long max_file_bytes() default 20L * 1024 * 1024;

    /** Total size of the files of one dossier, in bytes. */
    @AttributeDefinition(description = "Taille totale maximale des pièces d'un dossier (octets)")
    long max_dossier_bytes() default 200L * 1024 * 1024;

    /** Number of files of one dossier. */
    @AttributeDefinition(description = "Nombre maximal de pièces par dossier")
    int max_files() default 100;
}
