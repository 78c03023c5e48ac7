package org.liasse.api.workflow;

import java.time.LocalDate;
import java.util.List;

import org.liasse.api.identity.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** What needs the action of a user of an organisation, in the open campaigns. */
@ProviderType
public interface NotificationService {

    /** Days before a deadline from which it is announced as near. */
    int DEADLINE_NOTICE_DAYS = 30;

    /**
     * The notifications of a caller on a day, most urgent first: sent back, late, to advance, deadline near, to
     * initialise. Operators get none.
     */
    List<Notification> forCaller(Caller caller, LocalDate today);
}
