package org.liasse.delivery;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.liasse.api.transmission.Parcel;
import org.liasse.api.transmission.ParcelFile;

/** A parcel like the ones the outbox hands over, and component configurations as DS would build them. */
final class Fixtures {

    static final byte[] PDF = "%PDF-1.7 relevé signé de l'Office public de l'habitat du Val Fictif\n"
        .getBytes(StandardCharsets.UTF_8);
    static final byte[] XML = "<?xml version=\"1.0\"?><etat annee=\"2025\"/>\n".getBytes(StandardCharsets.UTF_8);

    private Fixtures() {
    }

    /** Parcel of the ER 2025 of a fictional OPH for the ministry. */
    static Parcel parcel(String key) {
        return new Parcel(key, "DHUP", "000000018", "Office public de l'habitat du Val Fictif", 2025, "ER",
            List.of(new ParcelFile("ER-2025-000000018.pdf", "application/pdf", PDF),
                new ParcelFile("ER-2025-000000018.xml", "application/xml", XML)));
    }

    /** A configuration with each attribute's default value, except the given ones. */
    static <A> A config(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
            (proxy, method, args) -> values.getOrDefault(method.getName(), method.getDefaultValue())));
    }
}
