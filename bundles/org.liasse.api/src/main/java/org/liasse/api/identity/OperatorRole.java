package org.liasse.api.identity;

/** Platform roles of partner staff (ministry or federation). */
public enum OperatorRole {
    /** Creates and runs campaigns, manages organisations of the perimeter. */
    CAMPAIGN_MANAGER,
    /** Deploys and inspects plugins. */
    PLUGIN_MANAGER,
    /** Consults everything in the perimeter, changes nothing. */
    SUPPORT,
    /** Everything, including operator accounts. */
    SUPER_ADMIN
}
