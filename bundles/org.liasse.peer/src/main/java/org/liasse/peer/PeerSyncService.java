package org.liasse.peer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.liasse.api.audit.AuditEvent;
import org.liasse.api.definition.QuestionnaireDefinition;
import org.liasse.api.definition.SyncMappingDefinition;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.FieldError;
import org.liasse.api.error.LiasseException;
import org.liasse.api.format.FrenchFormat;
import org.liasse.api.health.HealthIndicator;
import org.liasse.api.health.HealthStatus;
import org.liasse.api.peer.Peer;
import org.liasse.api.peer.PeerMessage;
import org.liasse.api.peer.PeerService;
import org.liasse.api.peer.ServerIdentity;
import org.liasse.api.peer.SyncEntry;
import org.liasse.api.peer.SyncJournal;
import org.liasse.api.peer.SyncOffer;
import org.liasse.api.peer.SyncResult;
import org.liasse.api.peer.SyncedCell;
import org.liasse.api.plugin.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exchanges with the peers: as the requesting server, brings a dossier's mapped cells in from a peer (signed request,
 * signed and digested answer, conflicts with local edits, one atomic save, acknowledgement); as the answering server,
 * authenticates the peer, checks the organisation's scope and consent, and answers with the source dossier's values.
 * Every outcome, refusals included, goes to the sync log; refusals and answers also go to the audit log, in the same
 * transaction as their sync log entry (both are written or neither is), except refusals of servers
 * that are not registered at all: anyone can send those, so they are only counted (health component
 * {@code serveurs}) and logged at most once a minute, never stored with what they carried. A signed request is
 * accepted once: replayed as it was, it is refused.
 */
@Component(service = {PeerService.class, HealthIndicator.class}, configurationPid = "org.liasse.server")
@Designate(ocd = PeerSyncService.Config.class)
public class PeerSyncService implements PeerService, HealthIndicator {

    /** Settings of this server's identity and of its calls to peers ({@code etc/org.liasse.server.cfg}). */
    @ObjectClassDefinition(name = "Liasse server identity")
    public @interface Config {

        /** This server's name, as peers register it. */
        @AttributeDefinition(description = "Nom de ce serveur")
        String name() default "liasse";

        /** This server's partner code. */
        @AttributeDefinition(description = "Partenaire de ce serveur")
        String partner() default "ministry";

        /** PEM file of the private key (created with the certificate when missing). */
        @AttributeDefinition(description = "Fichier PEM de la clé privée")
        String key_path() default "data/liasse/serveur/cle.pem";

        /** PEM file of the self-signed certificate. */
        @AttributeDefinition(description = "Fichier PEM du certificat")
        String certificate_path() default "data/liasse/serveur/certificat.pem";

        /** Validity of a certificate created at start, in days. */
        @AttributeDefinition(description = "Validité du certificat créé, en jours")
        int validity_days() default 825;

        /** Largest accepted difference between a request's time and this server's clock, in seconds. */
        @AttributeDefinition(description = "Décalage d'horloge toléré, en secondes")
        int clock_skew_seconds() default 300;

        /** Attempts of one call to a peer. */
        @AttributeDefinition(description = "Tentatives par appel")
        int attempts() default 5;

        /** Timeout of one attempt, in seconds. */
        @AttributeDefinition(description = "Délai d'une tentative, en secondes")
        int timeout_seconds() default 5;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PeerSyncService.class);
    private static final Pattern TRANSFER_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");
    private static final int ACTOR = 100;

    private final DossierService dossiers;
    private final OrganisationService organisations;
    private final PluginRegistry plugins;
    private final SyncJournal journal;
    private final ServerKeys keys;
    private final PeerClient client;
    private final Duration skew;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, ConfiguredPeer> peers = new ConcurrentHashMap<>();
    private final ReplayGuard replays;
    private final AtomicLong strangers = new AtomicLong();
    private final AtomicLong strangersLogged = new AtomicLong();
    private volatile Instant strangersLoggedAt = Instant.EPOCH;

    /** Loads or creates the server's key and certificate. */
    @Activate
    public PeerSyncService(Config config, @Reference DossierService dossiers, @Reference OrganisationService organisations,
                           @Reference PluginRegistry plugins, @Reference SyncJournal journal) {
        this.dossiers = dossiers;
        this.organisations = organisations;
        this.plugins = plugins;
        this.journal = journal;
        this.keys = ServerKeys.load(config.name(), config.partner(), Path.of(config.key_path()),
            Path.of(config.certificate_path()), config.validity_days());
        this.client = new PeerClient(json, config.name(), keys.key(), config.attempts(),
            Duration.ofSeconds(config.timeout_seconds()), Duration.ofMillis(200));
        this.skew = Duration.ofSeconds(config.clock_skew_seconds());
        this.replays = new ReplayGuard(skew);
    }

    @Override
    public String component() {
        return "serveurs";
    }

    @Override
    public HealthStatus check() {
        return HealthStatus.up(FrenchFormat.count(peers.size(), "serveur pair enregistré", "serveurs pairs enregistrés")
            + " ; " + FrenchFormat.count(strangers.get(), "demande de serveurs non enregistrés refusée",
            "demandes de serveurs non enregistrés refusées") + " depuis le démarrage");
    }

    /** A peer registered by configuration. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPeer(ConfiguredPeer peer) {
        peers.put(peer.peer().name(), peer);
    }

    void removePeer(ConfiguredPeer peer) {
        peers.remove(peer.peer().name(), peer);
    }

    @Override
    public ServerIdentity identity() {
        return keys.identity();
    }

    @Override
    public List<Peer> peers() {
        return peers.values().stream().map(ConfiguredPeer::peer).sorted(Comparator.comparing(Peer::name)).toList();
    }

    @Override
    public List<SyncOffer> offers(long dossierId) {
        Dossier dossier = dossier(dossierId);
        Optional<QuestionnaireDefinition> questionnaire = plugins.questionnaire(dossier.questionnaireCode(),
            dossier.questionnaireVersion());
        List<SyncOffer> offers = new ArrayList<>();
        for (SyncMappingDefinition mapping : plugins.syncMappings(dossier.questionnaireCode())) {
            int cells = questionnaire.map(q -> mapping.cells(q).size()).orElse(0);
            peers().stream().filter(peer -> peer.partner().equals(mapping.partner())).forEach(peer -> offers.add(
                new SyncOffer(peer.name(), peer.partner(), mapping.code(), mapping.title(), mapping.source(), cells)));
        }
        return offers;
    }

    @Override
    public SyncResult pull(long dossierId, long expectedRevision, String peerName, String transferId, boolean replace,
                           String actor) {
        Dossier dossier = dossier(dossierId);
        ConfiguredPeer peer = Optional.ofNullable(peerName).map(peers::get).orElseThrow(() -> LiasseException.notFound(
            "serveur-inconnu", "Aucun serveur pair « " + peerName + " » n'est enregistré sur ce serveur."));
        String name = peer.peer().name();
        SyncMappingDefinition mapping = plugins.syncMappings(dossier.questionnaireCode()).stream()
            .filter(m -> m.partner().equals(peer.peer().partner())).findFirst()
            .orElseThrow(() -> LiasseException.conflict("rapatriement-indisponible", "Aucun plugin ne déclare de "
                + "rapatriement du questionnaire " + dossier.questionnaireCode() + " depuis le serveur « " + name + " »."));
        QuestionnaireDefinition questionnaire = plugins.questionnaire(dossier.questionnaireCode(),
            dossier.questionnaireVersion()).orElseThrow(() -> LiasseException.conflict("questionnaire-inactif",
                "Le questionnaire " + dossier.questionnaireCode() + " " + dossier.questionnaireVersion()
                    + " n'est plus actif : le dossier ne peut plus être modifié."));
        String id = transferId == null || transferId.isBlank() ? UUID.randomUUID().toString() : transferId.strip();
        if (!TRANSFER_ID.matcher(id).matches()) {
            throw new LiasseException(400, "transfert-invalide", "Identifiant de transfert invalide : 8 à 64 lettres, "
                + "chiffres ou tirets.");
        }
        Optional<SyncEntry> done = journal.find(SyncEntry.PULL, name, id)
            .filter(entry -> SyncEntry.wentThrough(entry.result()));
        if (done.isPresent()) {
            return new SyncResult(id, name, done.get().sourceRevision(), done.get().digest(), dossier.revision(),
                List.of(), List.of(), "deja-applique");
        }
        Map<String, String> cells = mapping.cells(questionnaire);
        SyncEntry entry = new SyncEntry(0, Instant.now(), SyncEntry.PULL, name, dossier.siren(), dossier.year(),
            dossier.questionnaireCode(), id, actor, 0, null, "en-cours", "", 0);
        try {
            Transfer.Answer answer = fetch(peer, new Transfer.Request(id, dossier.siren(), dossier.year(),
                mapping.source(), List.copyOf(new TreeSet<>(cells.values())), actor));
            entry = new SyncEntry(0, entry.at(), entry.direction(), name, entry.siren(), entry.year(),
                entry.questionnaire(), id, actor, answer.revision(), answer.digest(), entry.result(), "", 0);
            return apply(dossier, expectedRevision, peer, cells, answer, replace, entry);
        } catch (LiasseException e) {
            journal.record(entry.withResult(e.code(), e.getMessage()), new AuditEvent("rapatriement.refuse", actor,
                name, dossier.siren(), "dossier " + dossierId, e.code() + " : " + e.getMessage()));
            if (entry.digest() != null) {
                acknowledge(peer, id, entry.digest(), e.code());
            }
            throw e;
        }
    }

    private Transfer.Answer fetch(ConfiguredPeer peer, Transfer.Request request) {
        Transfer.Answer answer = read(client.post(peer, "/peer/transfers", write(request)), Transfer.Answer.class,
            "reponse-illisible");
        String name = peer.peer().name();
        if (!request.transferId().equals(answer.transferId()) || !request.siren().equals(answer.siren())
            || request.year() != answer.year() || !request.questionnaire().equals(answer.questionnaire())
            || answer.values() == null || !answer.values().keySet().containsAll(request.cells())) {
            throw new LiasseException(502, "reponse-incoherente", "La réponse du serveur « " + name
                + " » ne correspond pas à la demande : rien n'a été enregistré.");
        }
        String digest = Transfer.digest(answer.siren(), answer.year(), answer.questionnaire(), answer.values());
        if (!digest.equals(answer.digest())) {
            throw new LiasseException(502, "empreinte-differente", "L'empreinte des données reçues du serveur « "
                + name + " » ne correspond pas à celle qu'il annonce : rien n'a été enregistré.");
        }
        return answer;
    }

    private SyncResult apply(Dossier dossier, long expectedRevision, ConfiguredPeer peer, Map<String, String> cells,
                             Transfer.Answer answer, boolean replace, SyncEntry entry) {
        String name = peer.peer().name();
        long last = journal.lastSourceRevision(dossier.id(), name);
        if (answer.revision() < last) {
            throw LiasseException.conflict("reponse-perimee", "Le serveur « " + name + " » a répondu avec la révision "
                + answer.revision() + " du dossier source, plus ancienne que la révision " + last
                + " déjà rapatriée : rien n'a été enregistré.");
        }
        Map<String, String> synced = journal.synced(dossier.id(), name);
        List<SyncedCell> changes = new ArrayList<>();
        List<SyncedCell> conflicts = new ArrayList<>();
        Map<String, String> incoming = new TreeMap<>();
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            String local = dossier.values().get(cell.getKey());
            String value = answer.values().get(cell.getValue());
            String previous = synced.get(cell.getKey());
            incoming.put(cell.getKey(), value);
            SyncedCell line = new SyncedCell(cell.getKey(), cell.getValue(), local, previous, value);
            if (same(local, value)) {
                continue;
            }
            boolean editedLocally = local != null && (!synced.containsKey(cell.getKey()) || !same(local, previous));
            (editedLocally && !replace ? conflicts : changes).add(line);
        }
        if (!conflicts.isEmpty()) {
            throw LiasseException.conflict("conflits-rapatriement", FrenchFormat.count(conflicts.size(),
                    "cellule modifiée", "cellules modifiées") + " sur ce serveur depuis le dernier rapatriement "
                    + FrenchFormat.agree(conflicts.size(), "diffère", "diffèrent") + " des valeurs du serveur « " + name
                    + " » : rien n'a été enregistré. Choisissez de remplacer vos valeurs ou corrigez-les.")
                .with("conflicts", conflicts);
        }
        Map<String, String> written = new LinkedHashMap<>();
        changes.forEach(change -> written.put(change.cell(), change.incoming() == null ? "" : change.incoming()));
        String outcome = changes.isEmpty() ? SyncEntry.UNCHANGED : SyncEntry.APPLIED;
        String actor = origin(entry.actor(), name);
        Dossier saved = journal.apply(dossier.id(), expectedRevision, written, incoming, actor,
            entry.withResult(outcome, FrenchFormat.count(changes.size(), "cellule écrite", "cellules écrites") + " sur "
                + cells.size() + " " + FrenchFormat.agree(cells.size(), "rapatriée", "rapatriées")));
        acknowledge(peer, entry.transferId(), answer.digest(), outcome);
        return new SyncResult(entry.transferId(), name, answer.revision(), answer.digest(), saved.revision(), changes,
            List.of(), outcome);
    }

    /** Who the dossier's history names for a transfer: the user and where the values came from. */
    private static String origin(String actor, String peer) {
        String origin = actor + " (rapatrié de " + peer + ")";
        return origin.length() <= ACTOR ? origin : origin.substring(0, ACTOR);
    }

    /** Sends the acknowledgement; a lost one is only logged, the transfer stands. */
    private void acknowledge(ConfiguredPeer peer, String transferId, String digest, String result) {
        try {
            client.post(peer, "/peer/acks", write(new Transfer.Acknowledgement(transferId, digest, result)));
        } catch (LiasseException e) {
            journal.find(SyncEntry.PULL, peer.peer().name(), transferId).ifPresent(entry -> journal.record(
                entry.withResult(entry.result(), entry.detail() + " ; accusé de réception non remis : " + e.getMessage())));
        }
    }

    @Override
    public PeerMessage answerTransfer(PeerMessage request) {
        ConfiguredPeer peer = authenticate(request);
        String name = peer.peer().name();
        Transfer.Request asked = read(request.body(), Transfer.Request.class, "requete-invalide");
        if (asked.transferId() == null || asked.siren() == null || asked.questionnaire() == null || asked.cells() == null) {
            throw new LiasseException(400, "requete-invalide", "Demande incomplète : transferId, siren, questionnaire "
                + "et cells sont obligatoires.");
        }
        SyncEntry entry = new SyncEntry(0, Instant.now(), SyncEntry.ANSWER, name, asked.siren(), asked.year(),
            asked.questionnaire(), asked.transferId(), asked.actor(), 0, null, "en-cours", "", 0);
        try {
            Organisation organisation = organisations.find(asked.siren()).orElseThrow(() -> LiasseException.notFound(
                "organisation-inconnue", "Aucune organisation de SIREN " + asked.siren() + " sur ce serveur."));
            String federation = peer.peer().federation();
            if (federation != null && !federation.equals(organisation.federation())) {
                throw new LiasseException(403, "hors-perimetre", "L'organisation " + asked.siren()
                    + " n'appartient pas à la fédération " + federation + " du serveur « " + name + " ».");
            }
            if (!journal.consents(asked.siren(), name)) {
                throw new LiasseException(403, "consentement-absent", "L'organisation " + asked.siren()
                    + " n'a pas autorisé le serveur « " + name + " » à rapatrier ses dossiers.");
            }
            Dossier dossier = dossiers.find(asked.siren(), asked.year(), asked.questionnaire())
                .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier "
                    + asked.questionnaire() + " " + asked.year() + " de l'organisation " + asked.siren() + "."));
            Map<String, ?> known = plugins.questionnaire(dossier.questionnaireCode(), dossier.questionnaireVersion())
                .map(QuestionnaireDefinition::cells).orElse(Map.of());
            List<FieldError> unknown = asked.cells().stream().filter(cell -> !known.containsKey(cell))
                .map(cell -> new FieldError(cell, "cellule-source-inconnue", "La cellule « " + cell
                    + " » n'existe pas dans le questionnaire " + dossier.questionnaireCode() + " "
                    + dossier.questionnaireVersion() + " de ce serveur.")).toList();
            if (!unknown.isEmpty()) {
                throw LiasseException.invalid("cellule-source-inconnue", FrenchFormat.count(unknown.size(),
                    "cellule demandée n'existe", "cellules demandées n'existent") + " pas dans le questionnaire " + dossier.questionnaireCode() + " "
                    + dossier.questionnaireVersion() + " : la correspondance du plugin est à corriger.", unknown);
            }
            Map<String, String> values = new TreeMap<>();
            asked.cells().forEach(cell -> values.put(cell, dossier.values().get(cell)));
            String digest = Transfer.digest(asked.siren(), asked.year(), asked.questionnaire(), values);
            journal.record(new SyncEntry(0, entry.at(), entry.direction(), name, asked.siren(), asked.year(),
                asked.questionnaire(), asked.transferId(), asked.actor(), dossier.revision(), digest, "envoye",
                FrenchFormat.count(values.size(), "cellule envoyée", "cellules envoyées"), values.size()),
                new AuditEvent("serveur.envoi", "serveur:" + name, peer.peer().url(), asked.siren(),
                "transfert " + asked.transferId(),
                FrenchFormat.count(values.size(), "cellule", "cellules") + ", empreinte " + digest));
            return signed(request, write(new Transfer.Answer(asked.transferId(), asked.siren(), asked.year(),
                asked.questionnaire(), dossier.questionnaireVersion(), dossier.revision(), values, digest)));
        } catch (LiasseException e) {
            journal.record(entry.withResult(e.code(), e.getMessage()), new AuditEvent("serveur.refus",
                "serveur:" + name, peer.peer().url(), asked.siren(), "transfert " + asked.transferId(),
                e.code() + " : " + e.getMessage()));
            throw e;
        }
    }

    @Override
    public PeerMessage answerAcknowledgement(PeerMessage request) {
        ConfiguredPeer peer = authenticate(request);
        String name = peer.peer().name();
        Transfer.Acknowledgement ack = read(request.body(), Transfer.Acknowledgement.class, "requete-invalide");
        SyncEntry sent = journal.find(SyncEntry.ANSWER, name, ack.transferId()).orElseThrow(() ->
            LiasseException.notFound("transfert-inconnu", "Aucun transfert « " + ack.transferId()
                + " » n'a été envoyé au serveur « " + name + " »."));
        String result = !Objects.equals(sent.digest(), ack.digest()) ? "empreinte-differente"
            : SyncEntry.wentThrough(ack.result()) ? "acquitte" : "refuse-par-le-pair";
        journal.record(sent.withResult(result, "Accusé de réception du serveur « " + name + " » : " + ack.result()
            + ", empreinte " + ack.digest()));
        return signed(request, write(new Transfer.Acknowledged(ack.transferId(), result)));
    }

    /** The registered peer that signed a request, or a refusal (401) recorded in the sync and audit logs. */
    private ConfiguredPeer authenticate(PeerMessage request) {
        String name = request.headers().get(PeerProtocol.SERVER);
        ConfiguredPeer peer = name == null ? null : peers.get(name);
        if (peer == null) {
            throw stranger();
        }
        Instant now = Instant.now();
        Peer known = peer.peer();
        if (now.isAfter(known.notAfter()) || now.isBefore(peer.certificate().getNotBefore().toInstant())) {
            throw refused(name, "certificat-expire", "Le certificat du serveur « " + name + " » n'est pas valide à cette "
                + "date (valable jusqu'au " + known.notAfter() + ").");
        }
        String date = request.headers().getOrDefault(PeerProtocol.DATE, "");
        String requestId = request.headers().getOrDefault(PeerProtocol.REQUEST, "");
        if (!PeerProtocol.verify(peer.certificate().getPublicKey(), PeerProtocol.requestText(request.method(),
            request.path(), date, requestId, request.body()), request.headers().get(PeerProtocol.SIGNATURE))) {
            throw refused(name, "signature-invalide", "La demande du serveur « " + name
                + " » n'est pas signée par son certificat enregistré.");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(date);
        } catch (RuntimeException e) {
            signedAt = Instant.EPOCH;
        }
        if (Duration.between(signedAt, now).abs().compareTo(skew) > 0) {
            throw refused(name, "horloge-decalee", "La demande du serveur « " + name + " » est datée de " + date
                + " : l'écart avec l'horloge de ce serveur dépasse " + skew.toSeconds() + " secondes.");
        }
        if (!replays.first(name, date, requestId, now)) {
            throw refused(name, "requete-rejouee", "La demande « " + cut(requestId) + " » du serveur « " + name
                + " » a déjà été reçue : une demande signée n'est acceptée qu'une fois.");
        }
        return peer;
    }

    /**
     * The refusal of a server that is not registered: counted, logged at most once a minute with the count, and
     * answered without echoing anything the request carried.
     */
    private LiasseException stranger() {
        long count = strangers.incrementAndGet();
        Instant now = Instant.now();
        if (Duration.between(strangersLoggedAt, now).toMinutes() >= 1) {
            strangersLoggedAt = now;
            LOG.warn("Demandes de serveurs non enregistrés refusées : {} depuis le démarrage ({} depuis le dernier "
                + "message)", count, count - strangersLogged.getAndSet(count));
        }
        return new LiasseException(401, "serveur-inconnu", "Le serveur demandeur n'est pas enregistré sur ce serveur.");
    }

    private static String cut(String text) {
        return text.length() <= ACTOR ? text : text.substring(0, ACTOR);
    }

    private LiasseException refused(String name, String code, String detail) {
        String peer = name == null || name.isBlank() ? "inconnu" : name.length() > ACTOR ? name.substring(0, ACTOR) : name;
        journal.record(new SyncEntry(0, Instant.now(), SyncEntry.ANSWER, peer, null, 0, null, null, null, 0, null, code,
            detail, 0), new AuditEvent("serveur.refus", "serveur:" + peer, "pair", null, "serveur " + peer,
            code + " : " + detail));
        return new LiasseException(401, code, detail);
    }

    private PeerMessage signed(PeerMessage request, byte[] body) {
        String requestId = request.headers().get(PeerProtocol.REQUEST);
        String date = Instant.now().toString();
        return new PeerMessage(null, null, PeerProtocol.headers(keys.identity().name(), date, requestId,
            PeerProtocol.sign(keys.key(), PeerProtocol.answerText(requestId, date, body))), body);
    }

    private byte[] write(Object message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(byte[] body, Class<T> type, String code) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new LiasseException(code.equals("requete-invalide") ? 400 : 502, code,
                "Message JSON illisible : " + e.getMessage());
        }
    }

    private Dossier dossier(long id) {
        return dossiers.find(id).orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
    }

    /** Whether two canonical values are the same (numbers by value). */
    static boolean same(String a, String b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
