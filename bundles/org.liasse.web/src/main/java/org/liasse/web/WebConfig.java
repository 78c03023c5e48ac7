package org.liasse.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the web UI ({@code etc/org.liasse.web.cfg}): its theme and who publishes the server. The State's
 * design system is reserved for State websites: the ministry's server takes the theme {@code dsfr}, the
 * federations' the theme {@code neutre} with their name and logo.
 */
@ObjectClassDefinition(name = "Liasse web UI")
public @interface WebConfig {

    /** Configuration PID. */
    String PID = "org.liasse.web";

    /** The theme: {@code dsfr} (State design system) or {@code neutre}. */
    @AttributeDefinition(description = "Thème : dsfr (sites de l'État) ou neutre")
    String theme() default "neutre";

    /** The display name of the partner who runs the server, shown by the neutral theme. */
    @AttributeDefinition(description = "Nom du partenaire qui exploite le serveur")
    String partner_name() default "Liasse";

    /** The address of the partner's logo, e.g. a file served by this bundle; empty for none. */
    @AttributeDefinition(description = "Adresse du logo du partenaire (thème neutre), vide pour aucun")
    String logo() default "";

    /** The publisher of the site, named in the legal notice and the accessibility statement. */
    @AttributeDefinition(description = "Éditeur du site (mentions légales)")
    String publisher() default "Liasse";

    /** Where people write to the publisher: about the site, its accessibility and their personal data. */
    @AttributeDefinition(description = "Adresse électronique de contact de l'éditeur")
    String publisher_email() default "";

    /** Who hosts the server. */
    @AttributeDefinition(description = "Hébergeur du serveur")
    String host() default "";
}
