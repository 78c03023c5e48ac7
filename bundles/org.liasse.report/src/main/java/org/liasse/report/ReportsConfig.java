package org.liasse.report;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the reports ({@code etc/org.liasse.reports.cfg}): the statistical secret of campaign reports. */
@ObjectClassDefinition(name = "Liasse reports")
public @interface ReportsConfig {

    /** Configuration PID. */
    String PID = "org.liasse.reports";

    /** Fewest organisations whose figures a consolidated statistic may publish together. */
    @AttributeDefinition(description = "Nombre minimal d'organismes d'une statistique publiée (secret statistique)")
    int secret_min_contributors() default 3;

    /** Largest share of a statistic's total one organisation may hold, in percent. */
    @AttributeDefinition(description = "Part maximale d'un organisme dans le total d'une statistique publiée (%)")
    int secret_dominance_percent() default 85;
}
