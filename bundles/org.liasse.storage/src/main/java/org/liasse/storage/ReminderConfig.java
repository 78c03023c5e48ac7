package org.liasse.storage;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the reminder emails sent before and after deadlines ({@code etc/org.liasse.reminders.cfg}). */
@ObjectClassDefinition(name = "Liasse reminders")
public @interface ReminderConfig {

    /** Configuration PID. */
    String PID = "org.liasse.reminders";

    /** Days before a deadline on which organisations are reminded, separated by commas; empty: no reminder. */
    @AttributeDefinition(description = "Jours avant l'échéance où les organisations sont relancées (ex. 15,7,1)")
    String reminder_days() default "15,7,1";

    /** Days after a deadline on which organisations still late are reminded, separated by commas; empty: none. */
    @AttributeDefinition(description = "Jours après l'échéance où les organisations en retard sont relancées (ex. 1,7)")
    String reminder_days_after() default "1,7";

    /** Hour of the daily run, in Europe/Paris time. */
    @AttributeDefinition(description = "Heure de l'envoi quotidien des relances (heure de Paris)")
    int reminder_hour() default 7;

    /** Public address of the web UI, used in the links of the emails. */
    @AttributeDefinition(description = "Adresse publique de l'interface, pour les liens des courriels")
    String public_url() default "http://localhost:8181";
}
