package org.liasse.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.liasse.api.dossier.CampaignQuestionnaire;

/** How the shell reads the questionnaires of a new campaign. */
class CampaignCreateCommandTest {

    @Test
    void readsACodeWithOrWithoutAVersionAndItsDeadline() {
        assertEquals(new CampaignQuestionnaire("ER", null, LocalDate.of(2032, 6, 30)),
            CampaignCreateCommand.questionnaire("ER:2032-06-30"));
        assertEquals(new CampaignQuestionnaire("QDIS", "2025.1", LocalDate.of(2032, 5, 31)),
            CampaignCreateCommand.questionnaire("QDIS@2025.1:2032-05-31"));
        assertNull(CampaignCreateCommand.questionnaire("ER:2032-06-30").version());
    }

    @Test
    void refusesAMissingOrInvalidDeadlineInFrench() {
        assertEquals("Questionnaire « ER » : écrivez CODE:AAAA-MM-JJ ou CODE@version:AAAA-MM-JJ.",
            assertThrows(IllegalArgumentException.class, () -> CampaignCreateCommand.questionnaire("ER")).getMessage());
        assertEquals("Date « 30/06/2032 » invalide : écrivez AAAA-MM-JJ.",
            assertThrows(IllegalArgumentException.class,
                () -> CampaignCreateCommand.questionnaire("ER:30/06/2032")).getMessage());
    }
}
