package org.liasse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.liasse.api.dossier.Dossier;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.plugin.PluginRegistry;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.util.Filter;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The real ministry assembly, booted on a database left by schema version 1: migration, the plugin mechanism
 * (definitions served over REST, hot update by bundle update, deploy folder and feature upgrade, stop, rejection
 * of a broken version), problem documents for bad requests, and detection of a tampered audit log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {

    private static final long TIMEOUT = 30_000;
    private static final String ADMIN_PASSWORD = "Mot de passe initial du test 2025";
    private static final String SIREN = "000000059";
    private static Http admin;
    private static Http administrator;
    private static Http user;

    @Inject
    private BundleContext context;

    /** The extender starts once it can read the recorded plugin versions, i.e. after the schema migrations. */
    @Inject
    @Filter(timeout = 60_000)
    private PluginRegistry registry;

    @Inject
    private FeaturesService features;

    @Inject
    private DossierService dossiers;

    @Inject
    @Filter("(osgi.jndi.service.name=liasse)")
    private DataSource dataSource;

    @Inject
    private SessionFactory shell;

    /** Runs in the test JVM: builds the version-1 database, then configures the assembly to use it. */
    @Configuration
    public Option[] config() throws Exception {
        String databaseUrl = LegacyDatabase.create(Path.of("target", "legacy-db-" + UUID.randomUUID()));
        return OptionUtils.combine(KarafOptions.distribution("ministry", Distribution.freePort(), databaseUrl),
            editConfigurationFilePut("etc/org.liasse.identity.cfg", "bootstrap.password", ADMIN_PASSWORD),
            editConfigurationFilePut("etc/org.liasse.identity.cfg", "show.activation.codes", "true"));
    }

    private static int port() {
        return Integer.getInteger(KarafOptions.PORT_PROPERTY);
    }

    /** The bootstrap super-administrator, through an API token. */
    private static synchronized Http http() {
        if (admin == null) {
            Await.until("health", TIMEOUT, () -> new Http(port()).get("/health"), r -> r.status() == 200);
            admin = Http.token(port(), "admin", ADMIN_PASSWORD);
        }
        return admin;
    }

    /** A data-entry user of a fresh organisation. */
    private static synchronized Http user() {
        if (user == null) {
            administrator = Accounts.organisation(port(), http(), SIREN, "OPH", "OPH");
            user = Accounts.user(port(), administrator, SIREN, "saisie.itest", "RESPONSABLE_SAISIE");
        }
        return user;
    }

    /** The administrator of that organisation. */
    private static synchronized Http administrator() {
        user();
        return administrator;
    }

    private JsonNode plugin(String id) {
        Http.Reply reply = http().get("/plugins/" + id);
        return reply.status() == 200 ? reply.json() : null;
    }

    private JsonNode awaitPlugin(String id, String state, String activeVersion) {
        return Await.until("plugin " + id + " " + state + " " + activeVersion, TIMEOUT, () -> plugin(id),
            p -> p != null && state.equals(p.path("state").asText())
                && (activeVersion == null ? p.path("activeVersion").isNull() : activeVersion.equals(p.path("activeVersion").asText())));
    }

    @Test
    public void healthIsUpAndTheSchemaWasMigrated() {
        Http.Reply anonymous = Await.until("health 200", TIMEOUT, () -> new Http(port()).get("/health"), r -> r.status() == 200);
        assertEquals("anonymous callers get the overall status only", "{\"status\":\"UP\",\"ready\":true}", anonymous.body());
        Http.Reply health = http().get("/health");
        assertEquals("UP", health.json().path("status").asText());
        assertEquals("UP", health.json().path("components").path("database").path("status").asText());
        assertTrue(health.json().toString(), health.json().path("components").path("database").path("detail").asText()
            .contains("version 21"));
        assertEquals("UP", health.json().path("components").path("storage").path("status").asText());
        assertEquals("UP", health.json().path("components").path("extender").path("status").asText());
    }

    @Test
    public void dataOfTheVersionOneDatabaseIsServedAfterMigration() {
        Http.Reply organisation = http().get("/organisations/" + LegacyDatabase.SIREN);
        assertEquals(200, organisation.status());
        assertEquals(LegacyDatabase.NAME, organisation.json().path("name").asText());
        assertTrue("column added by V002", organisation.json().has("department"));

        JsonNode dossiers = http().get("/organisations/" + LegacyDatabase.SIREN + "/dossiers").json();
        long id = dossiers.get(0).path("id").asLong();
        Http.Reply dossier = http().get("/dossiers/" + id);
        assertEquals("\"4\"", dossier.etag());
        assertEquals(LegacyDatabase.VALUE, dossier.json().path("values").path(LegacyDatabase.CELL).asText());
    }

    @Test
    public void shippedPluginDefinitionsAreServed() {
        JsonNode ministry = Await.until("ministry plugin active", TIMEOUT, () -> plugin("org.liasse.ministry.er"),
            p -> p != null && "ACTIVE".equals(p.path("state").asText()));
        assertEquals(ministry.path("version").asText(), ministry.path("activeVersion").asText());
        assertEquals("ER", ministry.path("questionnaires").get(0).path("code").asText());
        assertEquals("the controls of controls/bilan.json (8) and controls/tableaux.json (12)", 20,
            ministry.path("controls").asInt());

        Http.Reply questionnaire = http().get("/questionnaires/ER/2025.1");
        assertEquals(200, questionnaire.status());
        assertEquals("IDENT", questionnaire.json().path("fiches").get(0).path("code").asText());
        assertEquals("sum(BILAN.IMMO_INCORP.MONTANT:BILAN.TRESO.MONTANT)", questionnaire.json().path("fiches").get(1)
            .path("tables").get(0).path("rows").get(7).path("computed").path("MONTANT").asText());
        assertEquals("sum", questionnaire.json().path("formulas").path("BILAN.TOTAL_ACTIF.MONTANT").get(0).asText());
    }

    @Test
    public void updatingAPluginSwapsItsDefinitionsWithoutAGapOrARestart() throws Exception {
        Bundle rest = bundle("org.liasse.rest");
        long restModified = rest.getLastModified();
        Bundle plugin = context.installBundle("itest:update", new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.update", "1.0.0").questionnaire("TUPD", "1.0", "A").bytes()));
        plugin.start();
        awaitPlugin("org.liasse.itest.update", "ACTIVE", "1.0.0");

        AtomicBoolean watching = new AtomicBoolean(true);
        AtomicInteger gaps = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                if (registry.questionnaireForYear("TUPD", 2025).isEmpty()) {
                    gaps.incrementAndGet();
                }
            }
        });
        watcher.start();
        plugin.update(new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.update", "1.1.0").questionnaire("TUPD", "1.1", "A", "B").bytes()));
        JsonNode updated = awaitPlugin("org.liasse.itest.update", "ACTIVE", "1.1.0");
        watching.set(false);
        watcher.join();

        assertEquals("1.1", updated.path("questionnaires").get(0).path("version").asText());
        assertEquals(404, http().get("/questionnaires/TUPD/1.0").status());
        assertEquals(200, http().get("/questionnaires/TUPD/1.1").status());
        assertEquals("no moment without the questionnaire during the update", 0, gaps.get());
        assertEquals("the REST bundle was not restarted", restModified, rest.getLastModified());
        assertEquals(Bundle.ACTIVE, rest.getState());
        plugin.uninstall();
    }

    @Test
    public void stoppingAPluginDeactivatesItAndKeepsItsData() throws Exception {
        Bundle plugin = installPlugin("stop", "TSTOP");
        long id = filledDossier("TSTOP", "12,50");

        plugin.stop();
        awaitPlugin("org.liasse.itest.stop", "INACTIVE", null);

        Http.Reply kept = user().get("/dossiers/" + id);
        assertEquals(200, kept.status());
        assertEquals("12.5", kept.json().path("values").path("F1.A.MONTANT").asText());
        Http.Reply refused = user().patch("/dossiers/" + id + "/values", kept.etag(), "{\"values\":{\"F1.A.MONTANT\":\"1\"}}");
        assertEquals(409, refused.status());
        assertEquals("questionnaire-inactif", refused.json().path("code").asText());

        plugin.start();
        awaitPlugin("org.liasse.itest.stop", "ACTIVE", "1.0.0");
        assertEquals(200, user().patch("/dossiers/" + id + "/values", kept.etag(),
            "{\"values\":{\"F1.A.MONTANT\":\"1\"}}").status());
        plugin.uninstall();
    }

    /** Installs and starts a one-questionnaire plugin {@code org.liasse.itest.<name>} 1.0.0, once it is active. */
    private Bundle installPlugin(String name, String questionnaire) throws Exception {
        Bundle plugin = context.installBundle("itest:" + name, new ByteArrayInputStream(
            new PluginJar("org.liasse.itest." + name, "1.0.0").questionnaire(questionnaire, "1.0", "A").bytes()));
        plugin.start();
        awaitPlugin("org.liasse.itest." + name, "ACTIVE", "1.0.0");
        return plugin;
    }

    /** Creates the 2025 dossier of the test organisation and saves one amount in cell F1.A.MONTANT. */
    private long filledDossier(String questionnaire, String amount) {
        Http.Reply created = user().post("/organisations/" + SIREN + "/dossiers",
            "{\"year\":2025,\"questionnaire\":\"" + questionnaire + "\"}");
        assertEquals(created.body(), 201, created.status());
        long id = created.json().path("id").asLong();
        Http.Reply saved = user().patch("/dossiers/" + id + "/values", created.etag(),
            "{\"values\":{\"F1.A.MONTANT\":\"" + amount + "\"}}");
        assertEquals(saved.body(), 200, saved.status());
        return id;
    }

    @Test
    public void valuesOfACellAVersionNoLongerDefinesAreKeptAndNamed() throws Exception {
        Bundle plugin = context.installBundle("itest:kept", new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.kept", "1.0.0").questionnaire("TKEPT", "1.0", "A", "B").bytes()));
        plugin.start();
        awaitPlugin("org.liasse.itest.kept", "ACTIVE", "1.0.0");
        long id = filledDossier("TKEPT", "100");
        Http.Reply saved = user().patch("/dossiers/" + id + "/values", user().get("/dossiers/" + id).etag(),
            "{\"values\":{\"F1.B.MONTANT\":\"200\"}}");
        assertEquals(saved.body(), 200, saved.status());

        // The same questionnaire version, corrected without row B.
        plugin.update(new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.kept", "1.0.1").questionnaire("TKEPT", "1.0", "A").bytes()));
        awaitPlugin("org.liasse.itest.kept", "ACTIVE", "1.0.1");
        JsonNode dossier = user().get("/dossiers/" + id).json();
        assertEquals(dossier.toString(), "[\"F1.B.MONTANT\"]", dossier.path("undefinedCells").toString());
        assertEquals("200", dossier.path("values").path("F1.B.MONTANT").asText());

        // Saving the cells that remain keeps it.
        saved = user().patch("/dossiers/" + id + "/values", user().get("/dossiers/" + id).etag(),
            "{\"values\":{\"F1.A.MONTANT\":\"150\"}}");
        assertEquals(saved.body(), 200, saved.status());
        assertEquals("200", user().get("/dossiers/" + id).json().path("values").path("F1.B.MONTANT").asText());
        plugin.uninstall();
    }

    @Test
    public void aCampaignIsScannedInOnePassWithValuesStoredAsExactDecimals() throws Exception {
        Bundle plugin = installPlugin("scan", "TSCAN");
        long id = filledDossier("TSCAN", "1 234,10");

        List<Dossier> scanned = new ArrayList<>();
        dossiers.scan(2025, "TSCAN", scanned::add);

        assertEquals(1, scanned.size());
        assertEquals(id, scanned.get(0).id());
        assertEquals(Map.of("F1.A.MONTANT", "1234.1"), scanned.get(0).values());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                 "SELECT num_value, text_value FROM cell_value WHERE dossier_id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals("exact decimal, never a binary float", new BigDecimal("1234.100000"), row.getBigDecimal(1));
                assertNull(row.getString(2));
            }
        }
        plugin.uninstall();
    }

    @Test
    public void aBrokenVersionIsRejectedAndThePreviousOneKeepsWorking() throws Exception {
        Bundle plugin = context.installBundle("itest:broken", new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.broken", "1.0.0").questionnaire("TBRK", "1.0", "A").bytes()));
        plugin.start();
        awaitPlugin("org.liasse.itest.broken", "ACTIVE", "1.0.0");

        plugin.update(new ByteArrayInputStream(new PluginJar("org.liasse.itest.broken", "2.0.0")
            .questionnaire("TBRK", "2.0", "A")
            .file("controls/c.json", """
                {
                  "controls": [ { "code": "C1", "questionnaire": "TBRK", "severity": "error",
                                  "expression": "F1.ZZ.MONTANT = 0", "message": "Test" } ]
                }
                """).bytes()));
        JsonNode rejected = awaitPlugin("org.liasse.itest.broken", "REJECTED", "1.0.0");

        assertEquals("2.0.0", rejected.path("version").asText());
        JsonNode problem = rejected.path("problems").get(0);
        assertEquals("META-INF/liasse/controls/c.json", problem.path("location").path("file").asText());
        assertEquals(3, problem.path("location").path("line").asInt());
        assertTrue(problem.path("message").asText(), problem.path("message").asText().contains("F1.ZZ.MONTANT"));
        assertEquals("previous version still served", 200, http().get("/questionnaires/TBRK/1.0").status());
        assertEquals(404, http().get("/questionnaires/TBRK/2.0").status());
        plugin.uninstall();
    }

    @Test
    public void aPluginRefusedForAQuestionnaireNotYetInstalledIsLoadedWhenItArrives() throws Exception {
        Bundle controls = context.installBundle("itest:late-controls", new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.late.controls", "1.0.0").file("controls/c.json", """
                {
                  "controls": [ { "code": "TLATE_POSITIF", "questionnaire": "TLATE", "severity": "error",
                                  "expression": "F1.A.MONTANT >= 0", "message": "Montant négatif" } ]
                }
                """).bytes()));
        controls.start();
        JsonNode refused = awaitPlugin("org.liasse.itest.late.controls", "REJECTED", null);
        assertTrue(refused.toString(), refused.path("problems").get(0).path("message").asText().contains("TLATE"));

        Bundle questionnaire = context.installBundle("itest:late-questionnaire", new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.late.questionnaire", "1.0.0").questionnaire("TLATE", "1.0", "A").bytes()));
        questionnaire.start();
        JsonNode loaded = awaitPlugin("org.liasse.itest.late.controls", "ACTIVE", "1.0.0");
        assertEquals(1, loaded.path("controls").asInt());
        controls.uninstall();
        questionnaire.uninstall();
    }

    @Test
    public void aJarDroppedIntoDeployIsLoadedAndReplacedInPlace() throws Exception {
        Path deploy = Path.of(System.getProperty("karaf.home"), "deploy");
        Path jar = deploy.resolve("itest-deploy.jar");
        Path temp = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "tmp"));
        Path staging = Files.createTempFile(temp, "itest-deploy", ".part");
        Files.write(staging, new PluginJar("org.liasse.itest.deploy", "1.0.0").questionnaire("TDEP", "1.0", "A").bytes());
        Files.move(staging, jar, StandardCopyOption.ATOMIC_MOVE);
        awaitPlugin("org.liasse.itest.deploy", "ACTIVE", "1.0.0");

        staging = Files.createTempFile(temp, "itest-deploy", ".part");
        Files.write(staging, new PluginJar("org.liasse.itest.deploy", "1.1.0").questionnaire("TDEP", "1.1", "A").bytes());
        Files.move(staging, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        JsonNode updated = awaitPlugin("org.liasse.itest.deploy", "ACTIVE", "1.1.0");
        assertEquals("1.1", updated.path("questionnaires").get(0).path("version").asText());

        Files.delete(jar);
        awaitPlugin("org.liasse.itest.deploy", "INACTIVE", null);
    }

    @Test
    public void installingANewFeatureVersionUpgradesThePlugin() throws Exception {
        Path folder = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "tmp", "itest-features"));
        String id = "org.liasse.itest.feature";
        features.addRepository(featureRepository(folder, id, "1.0.0", "1.0"));
        features.installFeature("liasse-itest-feature", "1.0.0", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        awaitPlugin(id, "ACTIVE", "1.0.0");

        features.addRepository(featureRepository(folder, id, "2.0.0", "2.0"));
        features.installFeature("liasse-itest-feature", "2.0.0",
            EnumSet.of(FeaturesService.Option.Upgrade, FeaturesService.Option.NoAutoRefreshBundles));
        awaitPlugin(id, "ACTIVE", "2.0.0");
        Thread.sleep(2_500); // longer than the deactivation grace period: the old bundle's removal must not count

        JsonNode upgraded = plugin(id);
        assertEquals("ACTIVE", upgraded.path("state").asText());
        assertEquals("2.0", upgraded.path("questionnaires").get(0).path("version").asText());
        assertEquals(200, http().get("/questionnaires/TFEAT/2.0").status());
        assertEquals(404, http().get("/questionnaires/TFEAT/1.0").status());
        features.uninstallFeature("liasse-itest-feature", "2.0.0");
    }

    private static URI featureRepository(Path folder, String id, String version, String questionnaireVersion)
        throws Exception {
        Path jar = folder.resolve(id + "-" + version + ".jar");
        Files.write(jar, new PluginJar(id, version).questionnaire("TFEAT", questionnaireVersion, "A").bytes());
        Path repository = folder.resolve("features-" + version + ".xml");
        Files.writeString(repository, """
            <features xmlns="http://karaf.apache.org/xmlns/features/v1.6.0" name="liasse-itest-%s">
              <feature name="liasse-itest-feature" version="%s">
                <bundle>%s</bundle>
              </feature>
            </features>
            """.formatted(version, version, jar.toUri()));
        return repository.toUri();
    }

    @Test
    public void badRequestsGetFrenchProblemDocuments() {
        Http.Reply unknown = new Http(port()).get("/nulle-part");
        assertEquals(404, unknown.status());
        assertTrue(unknown.contentType().startsWith("application/problem+json"));
        assertEquals("ressource-inconnue", unknown.json().path("code").asText());

        Http.Reply invalid = http().post("/organisations", "{\"siren\": ");
        assertEquals(400, invalid.status());
        assertEquals("json-invalide", invalid.json().path("code").asText());

        Http.Reply badSiren = http().post("/organisations",
            "{\"siren\":\"123456789\",\"name\":\"X\",\"type\":\"OPH\",\"active\":true}");
        assertEquals(422, badSiren.status());
        assertEquals("siren-invalide", badSiren.json().path("code").asText());
        assertFalse(http().get("/organisations").body().contains("123456789"));

        Http.Reply dossier = user().post("/organisations/" + SIREN + "/dossiers", "{\"year\":2025,\"questionnaire\":\"ER\"}");
        assertEquals(dossier.body(), 201, dossier.status());
        Http.Reply noIfMatch = user().patch("/dossiers/" + dossier.json().path("id").asLong() + "/values", null,
            "{\"values\":{\"BILAN.IMMO.MONTANT\":\"1\"}}");
        assertEquals(428, noIfMatch.status());
        assertNotNull(noIfMatch.json().path("detail").asText());
    }

    @Test
    public void rightsDeclaredByAPluginCanBeGrantedWhileItIsActive() throws Exception {
        Bundle plugin = context.installBundle("itest:rights", new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.rights", "1.0.0").file("rights/droits.json",
                "{ \"rights\": [ { \"code\": \"enquete.itest.saisir\", \"label\": \"Saisir l'enquête de test\" } ] }")
                .bytes()));
        plugin.start();
        awaitPlugin("org.liasse.itest.rights", "ACTIVE", "1.0.0");
        assertTrue(administrator().get("/rights").body().contains("enquete.itest.saisir"));

        Accounts.user(port(), administrator(), SIREN, "droits.itest", "RESPONSABLE_COMPTABLE");
        JsonNode entry = null;
        for (JsonNode account : administrator().get("/organisations/" + SIREN + "/users").json()) {
            if (account.path("login").asText().equals("droits.itest")) {
                entry = account;
            }
        }
        String path = "/organisations/" + SIREN + "/users/" + entry.path("id").asLong() + "/rights";
        Http.Reply granted = administrator().put(path, "\"" + entry.path("revision").asLong() + "\"",
            "{\"rights\":[\"dossier.saisir\",\"enquete.itest.saisir\"]}");
        assertEquals(granted.body(), 200, granted.status());
        assertTrue(granted.body().contains("enquete.itest.saisir"));

        plugin.uninstall();
        awaitPlugin("org.liasse.itest.rights", "INACTIVE", null);
        Http.Reply refused = administrator().put(path, granted.etag(), "{\"rights\":[\"enquete.itest.saisir\"]}");
        assertEquals(422, refused.status());
        assertEquals("droit-inconnu", refused.json().path("code").asText());
    }

    @Test
    public void alteringOrRemovingAStoredAuditEntryIsDetected() throws Exception {
        Http.Reply created = http().post("/me/tokens", "{\"label\":\"audit\",\"days\":1}");
        assertEquals(201, created.status());
        JsonNode before = http().get("/audit/verification").json();
        assertTrue(before.toString(), before.path("intact").asBoolean());
        long checked = before.path("checked").asLong();
        assertTrue("the log holds the events of this run", checked > 3);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE audit_entry SET details = 'falsifié' WHERE seq = 2"));
            assertEquals(1, statement.executeUpdate("DELETE FROM audit_entry WHERE seq = 3"));
        }
        JsonNode after = http().get("/audit/verification").json();
        assertFalse(after.path("intact").asBoolean());
        String problems = after.path("problems").toString();
        assertTrue(problems, problems.contains("Entrée 2 : contenu modifié"));
        assertTrue(problems, problems.contains("Entrée 3 manquante"));
    }

    /** Runs a Karaf shell command; returns what it printed, then its result or the message of its failure. */
    private String shell(String command) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(output, true, StandardCharsets.UTF_8);
        try {
            Object result = shell.create(new ByteArrayInputStream(new byte[0]), console, console).execute(command);
            return output.toString(StandardCharsets.UTF_8) + result;
        } catch (Exception broken) {
            return output.toString(StandardCharsets.UTF_8) + broken.getMessage();
        }
    }

    @Test
    public void theShellCommandGivesTheSameVerdictAsTheRestVerification() throws Exception {
        boolean intact = http().get("/audit/verification").json().path("intact").asBoolean();
        String verdict = shell("liasse:audit-verify");
        assertTrue(verdict, intact ? verdict.contains("Journal d'audit intègre") : verdict.contains("altéré"));
    }

    @Test
    public void operatorsManageCampaignsFromTheShellWithTheSameRulesAsTheApi() throws Exception {
        String created = shell("liasse:campaign-create -q ER:2032-06-30 2031 2032-04-01 2032-07-31");
        assertTrue(created, created.contains("Campagne 2031 créée (PREPARATION, 1 questionnaire)."));
        String twice = shell("liasse:campaign-create 2031 2032-04-01 2032-07-31");
        assertTrue(twice, twice.contains("existe"));

        assertTrue(shell("liasse:campaign-state 2031 ouverte").contains("Campagne 2031 : OPEN."));
        String refused = shell("liasse:campaign-state 2031 archived");
        assertTrue(refused, refused.contains("ne peut pas passer à « archivée »"));
        String list = shell("liasse:campaign-list");
        assertTrue(list, list.contains("2031  OPEN  du 2032-04-01 au 2032-07-31  Campagne 2031"));
        assertTrue(list, list.contains("ER  échéance 2032-06-30"));
        assertEquals("OPEN", http().get("/campaigns/2031").json().path("state").asText());
        assertTrue(http().get("/audit").body().contains("campagne.etat"));
    }

    @Test
    public void theShellExplainsAControlOfAHotDeployedPluginOnAStoredDossier() throws Exception {
        Bundle plugin = context.installBundle("itest:explain", new ByteArrayInputStream(
            new PluginJar("org.liasse.itest.explain", "1.0.0").questionnaire("TEXPL", "1.0", "A")
                .file("controls/c.json", """
                    {"controls": [{"code": "C_SEUIL", "questionnaire": "TEXPL", "severity": "warning",
                      "expression": "F1.A.MONTANT * 2 >= 5000", "message": "Montant {F1.A.MONTANT} sous le seuil."}]}
                    """).bytes()));
        plugin.start();
        awaitPlugin("org.liasse.itest.explain", "ACTIVE", "1.0.0");
        long id = filledDossier("TEXPL", "1 234,10");

        String explained = shell("liasse:control-explain " + id + " C_SEUIL");
        assertTrue(explained, explained.contains("Contrôle C_SEUIL [warning, org.liasse.itest.explain 1.0.0] : échoué"));
        assertTrue(explained, explained.contains("Message : Montant 1\u202f234,1 sous le seuil."));
        assertTrue(explained, explained.contains("F1.A.MONTANT * 2 >= 5000  →  faux"));
        assertTrue(explained, explained.contains("└── 5000  →  5\u202f000"));
        String unknown = shell("liasse:control-explain " + id + " C_INCONNU");
        assertTrue(unknown, unknown.contains("Aucun contrôle actif « C_INCONNU »"));
        plugin.uninstall();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
