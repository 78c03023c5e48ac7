package org.liasse.api.verification;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The impact reports of changes of the controls. A federation operator sees only the lines of its federation's
 * organisations, and totals computed over them.
 */
@ProviderType
public interface ImpactService {

    /**
     * Every report, newest first, without lines.
     *
     * @param federation the operator's federation, {@code null} for a national operator
     */
    List<ImpactReport> list(String federation);

    /**
     * One report with its lines.
     *
     * @param federation the operator's federation, {@code null} for a national operator
     */
    Optional<ImpactReport> find(long id, String federation);
}
