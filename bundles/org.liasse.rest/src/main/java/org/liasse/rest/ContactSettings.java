package org.liasse.rest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The partner's support service as configured in {@code etc/org.liasse.contact.cfg}, for {@link ContactResource}. */
@Component(service = ContactSettings.class, configurationPid = "org.liasse.contact")
@Designate(ocd = ContactSettings.Config.class)
public class ContactSettings {

    /** The partner's support service ({@code etc/org.liasse.contact.cfg}). */
    @ObjectClassDefinition(name = "Liasse contact")
    public @interface Config {

        /** Name of the support service. */
        @AttributeDefinition(description = "Nom du service d’assistance")
        String service() default "Assistance Liasse";

        /** Its email address. */
        @AttributeDefinition(description = "Adresse électronique du service")
        String email() default "";

        /** Its phone number, written the French way; empty: none. */
        @AttributeDefinition(description = "Numéro de téléphone (vide : aucun)")
        String phone() default "";

        /** When it answers, in French. */
        @AttributeDefinition(description = "Heures d’ouverture")
        String hours() default "";

        /** A page of the partner about the collection (circulars, calendar); empty: none. */
        @AttributeDefinition(description = "Adresse d’une page d’information du partenaire (vide : aucune)")
        String url() default "";
    }

    private final ContactResource.Contact contact;

    /** Reads the settings. */
    @Activate
    public ContactSettings(Config config) {
        contact = ContactResource.Contact.of(config);
    }

    /** The support service. */
    ContactResource.Contact contact() {
        return contact;
    }
}
