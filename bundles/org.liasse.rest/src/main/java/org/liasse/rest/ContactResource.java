package org.liasse.rest;

import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/contact}: who helps the users of this server (the partner's support service), as set in
 * {@code etc/org.liasse.contact.cfg} ({@link ContactSettings}). Public: the help pages, the sign-in page and the
 * « page introuvable » show it to people who cannot sign in.
 */
@Path("/contact")
public class ContactResource {

    /**
     * The support service as clients show it.
     *
     * @param service its name
     * @param email   its email address, empty when none
     * @param phone   its phone number, empty when none
     * @param hours   its opening hours in French, empty when not given
     * @param url     a page of the partner about the collection, empty when none
     */
    public record Contact(String service, String email, String phone, String hours, String url) {

        static Contact of(ContactSettings.Config config) {
            return new Contact(config.service().strip(), config.email().strip(), config.phone().strip(),
                config.hours().strip(), config.url().strip());
        }
    }

    private final Supplier<ContactSettings> settings;

    ContactResource(Supplier<ContactSettings> settings) {
        this.settings = settings;
    }

    /** The partner's support service. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Contact contact() {
        return settings.get().contact();
    }
}
