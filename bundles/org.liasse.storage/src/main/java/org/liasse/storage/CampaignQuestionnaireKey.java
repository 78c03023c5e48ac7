package org.liasse.storage;

import java.io.Serializable;
import java.util.Objects;

/** Primary key of {@link CampaignQuestionnaireEntity}. */
public class CampaignQuestionnaireKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private int year;
    private String code;

    /** For JPA. */
    public CampaignQuestionnaireKey() {
    }

    CampaignQuestionnaireKey(int year, String code) {
        this.year = year;
        this.code = code;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CampaignQuestionnaireKey key && key.year == year && Objects.equals(key.code, code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, code);
    }
}
