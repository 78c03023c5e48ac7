package org.liasse.rest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.liasse.api.attachment.AttachmentService;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.control.ControlEngine;
import org.liasse.api.dossier.CampaignService;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.exchange.DossierExchange;
import org.liasse.api.exchange.DossierImports;
import org.liasse.api.health.HealthIndicator;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.Authenticator;
import org.liasse.api.peer.PeerService;
import org.liasse.api.peer.SyncJournal;
import org.liasse.api.plugin.PluginRegistry;
import org.liasse.api.report.ReportService;
import org.liasse.api.signature.SignatureService;
import org.liasse.api.transmission.DeliveryService;
import org.liasse.api.transmission.TransmissionService;
import org.liasse.api.verification.ImpactService;
import org.liasse.api.verification.VerificationService;
import org.liasse.api.workflow.CompletionService;
import org.liasse.api.workflow.NotificationService;
import org.liasse.api.workflow.ReminderService;
import org.liasse.api.workflow.WorkflowService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.context.ServletContextHelper;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API at {@code /api/v1}: creates the CXF server, then registers its servlet in a servlet context
 * of its own at {@code /api} (HTTP Whiteboard), so that no request reaches a CXF servlet with no API behind it; until
 * then the web bundle answers {@code /api} with a 503 problem. The API stays published while core services come and
 * go: a call that needs a missing service gets a 503 problem and health reports the component down.
 */
@Component(immediate = true, configurationPid = "org.liasse.rest")
@Designate(ocd = RestServer.Config.class)
public class RestServer {

    /** Settings of the API ({@code etc/org.liasse.rest.cfg}). */
    @ObjectClassDefinition(name = "Liasse REST API")
    public @interface Config {

        /**
         * Addresses of the TLS reverse proxies in front of this server, comma-separated IP literals: only from them
         * are {@code X-Forwarded-For} and {@code X-Forwarded-Proto} believed. Empty: none.
         */
        @AttributeDefinition(description = "Adresses IP des mandataires inverses dont les en-têtes X-Forwarded-* "
            + "sont crus, séparées par des virgules (vide : aucun)")
        String trusted_proxies() default "";

        /**
         * Writes a client address may send in a minute without signing in (sign-in, password resets, activations,
         * peer requests); beyond, 429 until the minute ends. 0: no limit.
         */
        @AttributeDefinition(description = "Écritures sans connexion permises par adresse et par minute (0 : sans limite)")
        int public_writes_per_minute() default 600;

        /** The largest plugin jar an operator may upload, in bytes; beyond, 413. */
        @AttributeDefinition(description = "Taille maximale d’un plugin envoyé par l’API, en octets")
        long plugin_upload_max_bytes() default 20L * 1024 * 1024;
    }

    /** Path of the API's servlet context. */
    static final String CONTEXT_PATH = "/api";
    /** Address of the API below its servlet context. */
    static final String ADDRESS = "/v1";
    private static final String CONTEXT_NAME = "liasse-api";

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginRegistry plugins;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OrganisationService organisations;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CampaignService campaigns;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DossierService dossiers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AccountService accounts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile VerificationService verifications;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ControlEngine controlEngine;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ImpactService impacts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog audit;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DossierImports imports;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AttachmentService attachments;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile WorkflowService workflows;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CompletionService completion;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReminderService reminders;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DossierExchange exchange;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile NotificationService notifications;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TransmissionService transmission;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeliveryService deliveries;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SignatureService signatures;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PeerService peers;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SyncJournal syncJournal;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReportService reports;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ContactSettings contact;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<Authenticator> authenticators = new CopyOnWriteArrayList<>();
    private Server server;
    private ServiceRegistration<ServletContextHelper> servletContext;
    private ServiceRegistration<Servlet> servlet;

    /** Creates the CXF server. */
    @Activate
    void activate(BundleContext context, Config config) {
        Supplier<OrganisationService> organisationSlot = slot(() -> organisations, "organisations");
        Supplier<DossierService> dossierSlot = slot(() -> dossiers, "dossiers");
        Supplier<AccountService> accountSlot = slot(() -> accounts, "comptes");
        Supplier<AuditLog> auditSlot = slot(() -> audit, "journal d'audit");
        Supplier<WorkflowService> workflowSlot = slot(() -> workflows, "circuit de validation");
        Supplier<TransmissionService> transmissionSlot = slot(() -> transmission, "matrice de transmission");
        Supplier<DeliveryService> deliverySlot = slot(() -> deliveries, "livraisons");
        Supplier<ReportService> reportSlot = slot(() -> reports, "rapports");
        Supplier<PeerService> peerSlot = slot(() -> peers, "échanges entre serveurs");
        Supplier<SyncJournal> syncSlot = slot(() -> syncJournal, "journal des échanges");
        List<Object> resources = List.of(
            new HealthResource(() -> List.copyOf(indicators)),
            new ContactResource(slot(() -> contact, "assistance")),
            new PluginResource(slot(() -> plugins, "plugins"), auditSlot,
                Path.of(context.getProperty("karaf.base"), "deploy"), config.plugin_upload_max_bytes()),
            new OrganisationResource(organisationSlot, dossierSlot, slot(() -> campaigns, "campagnes"),
                slot(() -> plugins, "plugins")),
            new CampaignResource(slot(() -> campaigns, "campagnes")),
            new CompletionResource(slot(() -> completion, "suivi des campagnes"), slot(() -> reminders, "relances"),
                slot(() -> exchange, "export")),
            new DossierResource(dossierSlot, slot(() -> verifications, "vérifications"), slot(() -> plugins, "plugins")),
            new ControlResource(dossierSlot, slot(() -> controlEngine, "contrôles")),
            new ImpactResource(slot(() -> impacts, "rapports d'impact")),
            new ExchangeResource(slot(() -> imports, "import-export")),
            new AttachmentResource(slot(() -> attachments, "pièces jointes")),
            new WorkflowResource(workflowSlot),
            new SessionResource(accountSlot, organisationSlot),
            new MeResource(accountSlot, slot(() -> notifications, "notifications")),
            new UserResource(accountSlot),
            new OperatorResource(accountSlot),
            new CatalogueResource(slot(() -> plugins, "plugins")),
            new QuestionnaireResource(slot(() -> plugins, "plugins"), slot(() -> signatures, "signature électronique"),
                slot(() -> exchange, "export")),
            new AuditResource(auditSlot, organisationSlot),
            new RecipientResource(transmissionSlot),
            new MatrixResource(transmissionSlot, deliverySlot, organisationSlot),
            new TransmissionResource(transmissionSlot, deliverySlot),
            new DeliveryResource(deliverySlot),
            new SignatureResource(slot(() -> signatures, "signature électronique"), auditSlot),
            new ReportResource(reportSlot),
            new CampaignReportResource(reportSlot),
            new ServerResource(peerSlot, syncSlot, organisationSlot),
            new ConsentResource(peerSlot, syncSlot),
            new SyncResource(peerSlot, syncSlot, dossierSlot),
            new PeerResource(peerSlot));
        List<Class<?>> classes = new ArrayList<>(resources.stream().<Class<?>>map(Object::getClass).toList());
        classes.add(OpenApiResource.class);
        OpenApiResource openApi = new OpenApiResource(
            OpenApi.document(classes, context.getBundle().getVersion().toString()));

        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        // Decimals travel as strings ("831484.50"): a browser's JSON.parse would turn a number into binary floating point.
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        Bus bus = BusFactory.getDefaultBus();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
        try {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress(ADDRESS);
            List<Object> beans = new ArrayList<>(resources);
            beans.add(openApi);
            factory.setServiceBeans(beans);
            factory.setProviders(List.of(new JacksonJsonProvider(mapper), new ProblemMapper(),
                new StartupFilter(() -> HealthResource.ready(List.copyOf(indicators))),
                new AccessFilter(accountSlot, () -> List.copyOf(authenticators), organisationSlot, dossierSlot,
                    deliverySlot, workflowSlot, auditSlot, ClientOrigin.proxies(config.trusted_proxies()),
                    new PublicWriteLimit(config.public_writes_per_minute(), Clock.systemUTC()))));
            server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        publish(context, bus);
        LOG.info("API REST publiée sur {}{}", CONTEXT_PATH, ADDRESS);
    }

    /**
     * Registers the servlet context {@code /api} and the CXF servlet of the bus the server was created on. The web
     * UI's filters, bound to the default context, do not apply to the API.
     */
    private void publish(BundleContext context, Bus bus) {
        Dictionary<String, Object> contextProperties = new Hashtable<>();
        contextProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME, CONTEXT_NAME);
        contextProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_PATH, CONTEXT_PATH);
        servletContext = context.registerService(ServletContextHelper.class,
            new ServletContextHelper(context.getBundle()) { }, contextProperties);
        CXFNonSpringServlet cxf = new CXFNonSpringServlet();
        cxf.setBus(bus);
        Dictionary<String, Object> servletProperties = new Hashtable<>();
        servletProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_SELECT,
            "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "=" + CONTEXT_NAME + ")");
        servletProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, CONTEXT_NAME);
        servletProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/*");
        servletProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_ASYNC_SUPPORTED, true);
        servletProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX
            + "hide-service-list-page", "true");
        servlet = context.registerService(Servlet.class, cxf, servletProperties);
    }

    /** Withdraws the servlet, then removes the CXF server. */
    @Deactivate
    void deactivate() {
        if (servlet != null) {
            servlet.unregister();
            servletContext.unregister();
        }
        if (server != null) {
            server.destroy();
        }
    }

    /** A dynamic service, or a 503 problem while it is absent. */
    private static <T> Supplier<T> slot(Supplier<T> service, String description) {
        return () -> {
            T current = service.get();
            if (current == null) {
                throw new LiasseException(503, "service-indisponible", "Le service « " + description
                    + " » est momentanément indisponible ; réessayez dans quelques instants.");
            }
            return current;
        };
    }
}
