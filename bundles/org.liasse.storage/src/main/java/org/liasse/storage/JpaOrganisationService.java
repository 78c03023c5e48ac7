package org.liasse.storage;

import java.util.List;
import java.util.Optional;

import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.dossier.Siren;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Organisations stored with JPA. */
@Component(service = OrganisationService.class)
public class JpaOrganisationService implements OrganisationService {

    private final JpaStore store;

    /** Uses the shared persistence unit. */
    @Activate
    public JpaOrganisationService(@Reference JpaStore store) {
        this.store = store;
    }

    @Override
    public List<Organisation> list() {
        return store.inTransaction(em -> em.createQuery(
                "SELECT o FROM OrganisationEntity o ORDER BY o.siren", OrganisationEntity.class)
            .getResultList().stream().map(OrganisationEntity::toRecord).toList());
    }

    @Override
    public Optional<Organisation> find(String siren) {
        return store.inTransaction(em -> Optional.ofNullable(em.find(OrganisationEntity.class, siren))
            .map(OrganisationEntity::toRecord));
    }

    @Override
    public Organisation create(Organisation organisation) {
        if (!Siren.isValid(organisation.siren())) {
            throw LiasseException.invalid("siren-invalide", "Le SIREN doit compter 9 chiffres et sa clé de Luhn être juste.",
                List.of(new FieldError("siren", "siren-invalide", "SIREN invalide : « " + organisation.siren() + " ».")));
        }
        if (organisation.name() == null || organisation.name().isBlank() || organisation.type() == null
            || organisation.type().isBlank()) {
            throw LiasseException.invalid("organisation-incomplete", "Le nom et le type de l'organisation sont obligatoires.",
                List.of());
        }
        return store.inTransaction(em -> {
            if (em.find(OrganisationEntity.class, organisation.siren()) != null) {
                throw LiasseException.conflict("siren-existant",
                    "Une organisation de SIREN " + organisation.siren() + " existe déjà.");
            }
            em.persist(new OrganisationEntity(organisation));
            return organisation;
        });
    }
}
