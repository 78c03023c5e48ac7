package org.liasse.storage;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.dossier.CreatedOrganisation;
import org.liasse.api.dossier.ImportReport;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.dossier.OrganisationTypes;
import org.liasse.api.dossier.Siren;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.CreatedAccount;
import org.liasse.api.identity.Rights;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Organisations stored with JPA; each new organisation gets its administrator {@code AD_<SIREN>} in the same transaction. */
@Component(service = OrganisationService.class)
public class JpaOrganisationService implements OrganisationService {

    private static final List<String> COLUMNS = List.of("siren", "nom", "type", "federation", "region", "departement");

    private final JpaStore store;
    private final AccountFactory accounts;

    /** Uses the shared persistence unit and the account factory; audit entries go in each change's transaction. */
    @Activate
    public JpaOrganisationService(@Reference JpaStore store, @Reference AccountFactory accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    @Override
    public List<Organisation> list(String federation) {
        return store.inTransaction(em -> (federation == null
            ? em.createQuery("SELECT o FROM OrganisationEntity o ORDER BY o.siren", OrganisationEntity.class)
            : em.createQuery("SELECT o FROM OrganisationEntity o WHERE o.federation = :federation ORDER BY o.siren",
                OrganisationEntity.class).setParameter("federation", federation))
            .getResultList().stream().map(OrganisationEntity::toRecord).toList());
    }

    @Override
    public Optional<Organisation> find(String siren) {
        return store.inTransaction(em -> Optional.ofNullable(em.find(OrganisationEntity.class, siren))
            .map(OrganisationEntity::toRecord));
    }

    @Override
    public CreatedOrganisation create(Organisation organisation, String administratorEmail, String actor) {
        List<FieldError> errors = validate(organisation);
        if (!errors.isEmpty()) {
            throw LiasseException.invalid(errors.get(0).code(), errors.get(0).message(), errors);
        }
        CreatedOrganisation created = store.inTransaction(em -> {
            if (em.find(OrganisationEntity.class, organisation.siren()) != null) {
                throw LiasseException.conflict("siren-existant",
                    "Une organisation de SIREN " + organisation.siren() + " existe déjà.");
            }
            OrganisationEntity entity = new OrganisationEntity(organisation);
            em.persist(entity);
            CreatedAccount administrator = accounts.create(em, administrator(organisation, administratorEmail), actor);
            JdbcAuditLog.append(em, new AuditEvent("organisation.creee", actor, null, organisation.siren(),
                organisation.name(), null));
            return new CreatedOrganisation(entity.toRecord(), administrator);
        });
        return created;
    }

    @Override
    public Organisation update(Organisation organisation, long expectedRevision, String actor) {
        List<FieldError> errors = validate(organisation);
        if (!errors.isEmpty()) {
            throw LiasseException.invalid(errors.get(0).code(), errors.get(0).message(), errors);
        }
        Organisation updated = store.inTransaction(em -> {
            OrganisationEntity entity = em.find(OrganisationEntity.class, organisation.siren());
            if (entity == null) {
                throw LiasseException.notFound("organisation-inconnue", "Aucune organisation de SIREN " + organisation.siren() + ".");
            }
            if (entity.revision() != expectedRevision) {
                throw new LiasseException(412, "revision-perimee", "L'organisation a été modifiée entre-temps (révision "
                    + "attendue " + expectedRevision + ", actuelle " + entity.revision() + ") : rechargez-la.");
            }
            entity.update(organisation);
            JdbcAuditLog.append(em, new AuditEvent("organisation.modifiee", actor, null, organisation.siren(),
                organisation.name(), null));
            return entity.toRecord();
        });
        return updated;
    }

    @Override
    public ImportReport importCsv(String csv, boolean applyRequested, String federation, String actor) {
        List<ImportReport.LineError> errors = new ArrayList<>();
        List<ParsedLine> parsed = new ArrayList<>();
        int lines = parse(csv, federation, parsed, errors);
        ImportReport report = store.inTransaction(em -> {
            if (federation != null) {
                for (ParsedLine line : parsed) {
                    OrganisationEntity entity = em.find(OrganisationEntity.class, line.organisation().siren());
                    if (entity != null && !federation.equals(entity.toRecord().federation())) {
                        errors.add(new ImportReport.LineError(line.number(), "siren", "hors-perimetre",
                            "Ce SIREN est celui d'une organisation d'une autre fédération que la vôtre ("
                                + federation + ") : vous ne pouvez pas la modifier."));
                    }
                }
                errors.sort(Comparator.comparingInt(ImportReport.LineError::line));
            }
            boolean apply = applyRequested && errors.isEmpty() && !parsed.isEmpty();
            int created = 0;
            for (ParsedLine line : parsed) {
                Organisation organisation = line.organisation();
                OrganisationEntity entity = em.find(OrganisationEntity.class, organisation.siren());
                if (entity == null) {
                    created++;
                    if (apply) {
                        em.persist(new OrganisationEntity(organisation));
                        accounts.create(em, administrator(organisation, null), actor);
                    }
                } else if (apply) {
                    entity.update(organisation);
                }
            }
            if (apply) {
                JdbcAuditLog.append(em, new AuditEvent("organisations.importees", actor, null, null, lines + " lignes",
                    created + " créées, " + (parsed.size() - created) + " mises à jour"));
            }
            return new ImportReport(apply, lines, created, parsed.size() - created, errors);
        });
        return report;
    }

    /** An organisation read from a line of an imported file. */
    private record ParsedLine(int number, Organisation organisation) {
    }

    /** Reads the file into organisations and line errors; returns the number of data lines. */
    private static int parse(String csv, String federation, List<ParsedLine> organisations,
                             List<ImportReport.LineError> errors) {
        List<CSVRecord> records;
        try {
            records = CSVFormat.DEFAULT.builder().setDelimiter(';').setTrim(true).build()
                .parse(new StringReader(csv == null ? "" : csv.replace("\uFEFF", ""))).getRecords();
        } catch (IOException | RuntimeException e) {
            errors.add(new ImportReport.LineError(1, "", "csv-illisible", "Le fichier n'est pas un CSV lisible."));
            return 0;
        }
        if (records.isEmpty() || !COLUMNS.equals(records.get(0).toList().stream().map(String::toLowerCase).toList())) {
            errors.add(new ImportReport.LineError(1, "", "entete-invalide",
                "La première ligne doit être : " + String.join(";", COLUMNS) + "."));
            return 0;
        }
        Set<String> seen = new HashSet<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            int line = (int) record.getRecordNumber();
            if (record.size() != COLUMNS.size()) {
                errors.add(new ImportReport.LineError(line, "", "colonnes", "La ligne doit compter " + COLUMNS.size()
                    + " colonnes séparées par « ; » (elle en compte " + record.size() + ")."));
                continue;
            }
            Organisation organisation = new Organisation(record.get(0), record.get(1), record.get(2),
                emptyToNull(record.get(3)), emptyToNull(record.get(4)), emptyToNull(record.get(5)), true);
            for (FieldError error : validate(organisation)) {
                errors.add(new ImportReport.LineError(line, column(error.field()), error.code(), error.message()));
            }
            if (federation != null && !federation.equals(organisation.federation())) {
                errors.add(new ImportReport.LineError(line, "federation", "hors-perimetre",
                    "Cette organisation n'appartient pas à votre fédération (" + federation + ")."));
            }
            if (!seen.add(organisation.siren())) {
                errors.add(new ImportReport.LineError(line, "siren", "siren-en-double", "Ce SIREN figure déjà plus haut dans le fichier."));
            }
            organisations.add(new ParsedLine(line, organisation));
        }
        return records.size() - 1;
    }

    private static String column(String field) {
        return switch (field) {
            case "name" -> "nom";
            case "department" -> "departement";
            default -> field;
        };
    }

    private static List<FieldError> validate(Organisation organisation) {
        List<FieldError> errors = new ArrayList<>();
        if (!Siren.isValid(organisation.siren())) {
            errors.add(new FieldError("siren", "siren-invalide",
                "SIREN invalide « " + organisation.siren() + " » : 9 chiffres dont une clé de Luhn juste."));
        }
        if (organisation.name() == null || organisation.name().isBlank() || organisation.name().length() > 200) {
            errors.add(new FieldError("name", "nom-invalide", "Le nom est obligatoire (200 caractères au plus)."));
        }
        if (!OrganisationTypes.known(organisation.type())) {
            errors.add(new FieldError("type", "type-inconnu", "Type d'organisation inconnu « " + organisation.type() + " »."));
        }
        if (organisation.federation() != null && !OrganisationTypes.FEDERATIONS.contains(organisation.federation())) {
            errors.add(new FieldError("federation", "federation-inconnue", "Fédération inconnue « " + organisation.federation()
                + " » ; valeurs possibles : " + String.join(", ", OrganisationTypes.FEDERATIONS) + "."));
        }
        if (organisation.region() != null && !organisation.region().matches("\\d{2}")) {
            errors.add(new FieldError("region", "region-invalide", "Code région sur 2 chiffres."));
        }
        if (organisation.department() != null && !organisation.department().matches("\\d{2}|2[AB]|97\\d")) {
            errors.add(new FieldError("department", "departement-invalide", "Code département invalide « "
                + organisation.department() + " »."));
        }
        return errors;
    }

    private static UserEntity administrator(Organisation organisation, String email) {
        Rights.Profile admin = Rights.profile("ADMINISTRATEUR").orElseThrow();
        return new UserEntity("AD_" + organisation.siren(), "Administrateur", organisation.name(),
            email == null ? "" : email.strip(), organisation.siren(), null, admin.code(), admin.rights(), Set.of(),
            Timestamp.from(Instant.now()));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
