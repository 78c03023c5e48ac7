package org.liasse.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Hosts a delivery may never reach, whoever configured the recipient: link-local addresses (cloud metadata services
 * answer on 169.254.169.254), the unspecified address, multicast, and the metadata names and addresses of the
 * common clouds. Checked on the settings as written and again on every address the host resolves to when a parcel
 * leaves.
 */
final class Addresses {

    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal",
        "metadata.goog", "instance-data", "instance-data.ec2.internal");
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private Addresses() {
    }

    /** Why a host as written in the settings may not be reached, if it may not (no name is resolved here). */
    static Optional<String> refusedHost(String host) {
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "").replaceAll("\\.$", "");
        if (METADATA_NAMES.contains(name)) {
            return Optional.of(refusal(host));
        }
        if (name.matches("[0-9.]+") || name.contains(":")) {
            try {
                return refused(InetAddress.getByName(name)).map(reason -> refusal(host));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Why a host may not be reached once resolved: checked when a parcel leaves. */
    static Optional<String> refusedResolved(String host) throws UnknownHostException {
        Optional<String> written = refusedHost(host);
        if (written.isPresent()) {
            return written;
        }
        for (InetAddress address : InetAddress.getAllByName(host.replaceAll("^\\[|]$", ""))) {
            if (refused(address).isPresent()) {
                return Optional.of(refusal(host) + " (il désigne " + address.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refused(InetAddress address) {
        boolean metadata = METADATA_ADDRESSES.contains(address.getHostAddress());
        return address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress() || metadata
            ? Optional.of(address.getHostAddress()) : Optional.empty();
    }

    private static String refusal(String host) {
        return "L'hôte « " + host + " » est interdit : adresse de lien local, de métadonnées d'hébergeur, "
            + "de multidiffusion ou non spécifiée.";
    }
}
