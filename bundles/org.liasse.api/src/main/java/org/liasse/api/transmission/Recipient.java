package org.liasse.api.transmission;

import java.util.Map;
import java.util.Set;

/**
 * A recipient of transmitted statements.
 *
 * @param code      stable code, e.g. {@code CGLLS} or {@code PREF-69}
 * @param name      French name
 * @param kind      kind
 * @param territory département, région or federation code for territorial kinds, else empty
 * @param channel   delivery channel type ({@link DeliveryChannel#type()})
 * @param settings  channel settings; secrets ({@code password}, {@code token}) are never returned by the REST API
 * @param active    whether deliveries go to it; an inactive mandatory recipient blocks transmission
 * @param revision  incremented at each change (the ETag)
 */
public record Recipient(String code, String name, RecipientKind kind, String territory, String channel,
                        Map<String, String> settings, boolean active, long revision) {

    /** Settings never returned by the REST API; sent empty, they keep their stored value. */
    public static final Set<String> SECRET_SETTINGS = Set.of("password", "token");

    /** Defensive copy; empty territory for none. */
    public Recipient {
        territory = territory == null ? "" : territory;
        settings = Map.copyOf(settings);
    }
}
