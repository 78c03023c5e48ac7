package org.liasse.api.exchange;

import java.io.InputStream;
import java.util.List;

import org.liasse.api.definition.MappingDefinition;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports files into a dossier and exports it. A dry run reports every problem (line, column, cell, stable code,
 * French message) and the cells that would change; applying stores all the changes in one atomic save, or nothing.
 */
@ProviderType
public interface DossierImports {

    /** The mappings offered for the dossier's questionnaire: the built-in one first, then those of plugins. */
    List<MappingDefinition> mappings(long dossierId);

    /**
     * Checks a file without storing anything.
     *
     * @param mappingCode code of the mapping; {@code null} or empty for the built-in one
     */
    ImportResult check(long dossierId, ExchangeFormat format, String mappingCode, InputStream content);

    /**
     * Checks a file and, when it has no problem, stores its changes in one atomic save. Refuses the whole file
     * (422, nothing stored) when it has any problem, and a stale revision (412) as the save does.
     *
     * @param expectedRevision the revision the client last read (its ETag)
     * @param actor            login of who imports
     */
    ImportResult apply(long dossierId, long expectedRevision, ExchangeFormat format, String mappingCode,
                       InputStream content, String actor);

    /** The dossier's filled cells, in questionnaire order, in the built-in layout of a format. */
    ExportedFile export(long dossierId, ExchangeFormat format);
}
