package org.liasse.rest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.Provider;

import org.liasse.api.audit.AuditEvent;
import org.liasse.api.audit.AuditLog;
import org.liasse.api.dossier.DossierService;
import org.liasse.api.dossier.Organisation;
import org.liasse.api.dossier.OrganisationService;
import org.liasse.api.error.LiasseException;
import org.liasse.api.identity.AccountService;
import org.liasse.api.identity.Authenticator;
import org.liasse.api.identity.Caller;
import org.liasse.api.identity.Credentials;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Session;
import org.liasse.api.transmission.DeliveryService;
import org.liasse.api.workflow.WorkflowService;
import org.liasse.api.workflow.WorkflowState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one authorization mechanism: authenticates the request (session cookie, or bearer token through the
 * registered {@link Authenticator}s), enforces the {@link Access} declared by the resource method (organisation,
 * right, operator role and perimeter: national resources for national operators only, a target organisation within
 * a federation operator's federation), checks the CSRF token of cookie-authenticated writes, and records every
 * accepted write in the audit log. That entry is the request's trail, written on its own once the answer is known:
 * the entry of the change itself is written by the service in the change's transaction; refusals change nothing
 * and are not recorded here. Every answer carries {@code Cache-Control: no-store} (unless the resource set its
 * own) and {@code X-Content-Type-Options: nosniff}.
 */
@Provider
class AccessFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Name of the session cookie. */
    static final String COOKIE = "LIASSE_SESSION";
    /** Header carrying the CSRF token of cookie-authenticated writes. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String TYPE_OPTIONS = "X-Content-Type-Options";
    private static final Set<String> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    /** Operators who see dossiers at every step, to assist organisations. */
    private static final OperatorRole[] ASSISTING = {OperatorRole.SUPPORT, OperatorRole.SUPER_ADMIN};

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest servletRequest;

    private final Supplier<AccountService> accounts;
    private final Supplier<List<Authenticator>> authenticators;
    private final Supplier<OrganisationService> organisations;
    private final Supplier<DossierService> dossiers;
    private final Supplier<DeliveryService> deliveries;
    private final Supplier<WorkflowService> workflows;
    private final Supplier<AuditLog> audit;
    private final Set<String> proxies;
    private final PublicWriteLimit publicWrites;

    /**
     * @param proxies      the reverse proxies whose forwarded headers are believed, see {@link ClientOrigin}
     * @param publicWrites the limit of writes without signing in, per client address
     */
    AccessFilter(Supplier<AccountService> accounts, Supplier<List<Authenticator>> authenticators,
                 Supplier<OrganisationService> organisations, Supplier<DossierService> dossiers,
                 Supplier<DeliveryService> deliveries, Supplier<WorkflowService> workflows, Supplier<AuditLog> audit,
                 Set<String> proxies, PublicWriteLimit publicWrites) {
        this.proxies = proxies;
        this.publicWrites = publicWrites;
        this.accounts = accounts;
        this.authenticators = authenticators;
        this.organisations = organisations;
        this.dossiers = dossiers;
        this.deliveries = deliveries;
        this.workflows = workflows;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Call.clear();
        ClientOrigin origin = servletRequest == null ? new ClientOrigin("inconnue", false)
            : ClientOrigin.of(servletRequest.getRemoteAddr(), servletRequest.getScheme(),
                request.getHeaderString("X-Forwarded-For"), request.getHeaderString("X-Forwarded-Proto"), proxies);
        String address = origin.address();
        Method method = resource.getResourceMethod();
        Access access = method == null ? null : method.getAnnotation(Access.class);
        Cookie cookie = request.getCookies().get(COOKIE);
        String sessionToken = cookie == null ? null : cookie.getValue();
        if (access == null) {
            Call.set(new Call(null, address, origin.secure(), null, sessionToken));
            throw new LiasseException(403, "acces-refuse", "Cette opération ne déclare aucun droit : elle est refusée.");
        }
        if (access.value() == Access.Level.PUBLIC) {
            Call.set(new Call(SAFE.contains(request.getMethod()) ? optionalCaller(request, sessionToken, address) : null,
                address, origin.secure(), null, sessionToken));
            if (!SAFE.contains(request.getMethod())) {
                publicWrites.count(address);
            }
            return;
        }
        Caller caller = authenticate(request, sessionToken, address);
        Call.set(new Call(caller, address, origin.secure(), null, sessionToken));
        if (caller == null) {
            throw new LiasseException(401, "non-authentifie", "Connectez-vous pour accéder à cette ressource.");
        }
        if (access.value() == Access.Level.OPERATOR) {
            require(hasRole(caller, access.operators()));
        }
        String siren = null;
        switch (access.perimeter()) {
            case NATIONAL -> requireNational(caller);
            case TARGET -> {
                siren = target(access, request);
                require(allowedOn(caller, access, siren));
                if (access.target() == Access.Target.DOSSIER && caller.operator() && !hasRole(caller, ASSISTING)) {
                    requireHandedOver(Long.parseLong(request.getUriInfo().getPathParameters().getFirst("id")));
                }
            }
            default -> require(access.value() != Access.Level.ORGANISATION);
        }
        Call.set(new Call(caller, address, origin.secure(), siren, sessionToken));
    }

    /**
     * The caller of a public read, if one can be identified: such an answer may say more to a signed-in caller (the
     * health components to an operator), but never fails because the identity or the database is down.
     */
    private Caller optionalCaller(ContainerRequestContext request, String sessionToken, String address) {
        try {
            return authenticate(request, sessionToken, address);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The caller from a bearer token, or from the session cookie after checking the CSRF token of writes. */
    private Caller authenticate(ContainerRequestContext request, String sessionToken, String address) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Credentials credentials = new Credentials(Optional.empty(), Optional.of(authorization.substring(7).strip()), address);
            if (authenticators.get().isEmpty()) {
                throw new LiasseException(503, "service-indisponible",
                    "L'authentification est momentanément indisponible ; réessayez dans quelques instants.");
            }
            return authenticators.get().stream().map(a -> a.authenticate(credentials)).flatMap(Optional::stream)
                .findFirst().orElse(null);
        }
        if (sessionToken == null) {
            return null;
        }
        Optional<Session> session = accounts.get().session(sessionToken).filter(s -> s.account().active());
        if (session.isEmpty()) {
            return null;
        }
        if (!SAFE.contains(request.getMethod()) && !session.get().csrfToken().equals(request.getHeaderString(CSRF_HEADER))) {
            throw new LiasseException(403, "csrf-invalide",
                "Jeton anti-falsification absent ou invalide : rechargez la page puis recommencez.");
        }
        return session.get().account().caller();
    }

    private String target(Access access, ContainerRequestContext request) {
        String id = request.getUriInfo().getPathParameters().getFirst("id");
        return switch (access.target()) {
            case SIREN -> request.getUriInfo().getPathParameters().getFirst("siren");
            case DOSSIER -> dossiers.get().owner(number(id, "dossier-inconnu", "Aucun dossier « " + id + " »."))
                .orElseThrow(() -> LiasseException.notFound("dossier-inconnu", "Aucun dossier " + id + "."));
            case DELIVERY -> deliveries.get().delivery(number(id, "livraison-inconnue",
                "Aucune livraison « " + id + " ».")).siren();
        };
    }

    private static long number(String id, String code, String unknown) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw LiasseException.notFound(code, unknown);
        }
    }

    /** Members of the organisation with the right, or operators of the listed roles whose perimeter has it. */
    private boolean allowedOn(Caller caller, Access access, String siren) {
        if (!caller.operator()) {
            if (access.value() != Access.Level.ORGANISATION) {
                return false;
            }
            return siren != null && siren.equals(caller.siren()) && !Access.OPERATORS_ONLY.equals(access.right())
                && (access.right().isEmpty() || caller.rights().contains(access.right()));
        }
        if (!hasRole(caller, access.operators())) {
            return false;
        }
        if (caller.federation() == null) {
            return true;
        }
        return organisations.get().find(siren).map(Organisation::federation).filter(caller.federation()::equals).isPresent();
    }

    /**
     * A partner's staff see a dossier once it reached a step of its workflow visible to the partner; support and
     * super-administrators, who assist organisations, see it at every step.
     */
    private void requireHandedOver(long dossier) {
        WorkflowState state = workflows.get().state(dossier);
        if (!state.workflow().visibleToPartner(state.step())) {
            throw new LiasseException(403, "dossier-non-remis", "Ce dossier est à l'étape « " + state.current().label()
                + " » : il n'est pas encore remis au partenaire.");
        }
    }

    /** National resources are for national operators: a federation operator is refused. */
    private static void requireNational(Caller caller) {
        if (!caller.operator() || caller.federation() != null) {
            throw new LiasseException(403, "acces-refuse", "Cette ressource est nationale : elle est réservée aux "
                + "opérateurs nationaux.");
        }
    }

    private static boolean hasRole(Caller caller, OperatorRole[] roles) {
        return Arrays.stream(roles).anyMatch(caller.operatorRoles()::contains);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new LiasseException(403, "acces-refuse", "Vous n'avez pas le droit d'effectuer cette opération.");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // Answers of the API are personal and typed: no cache keeps them, no browser guesses their type.
        response.getHeaders().putIfAbsent(HttpHeaders.CACHE_CONTROL, List.<Object>of("no-store"));
        response.getHeaders().putIfAbsent(TYPE_OPTIONS, List.<Object>of("nosniff"));
        try {
            Method method = resource.getResourceMethod();
            Access access = method == null ? null : method.getAnnotation(Access.class);
            if (access != null && access.value() != Access.Level.PUBLIC && !SAFE.contains(request.getMethod())
                && response.getStatus() < 400) {
                Call call = Call.current();
                AuditEvent event = new AuditEvent(request.getMethod() + " " + OpenApi.path(resource.getResourceClass(), method),
                    call.actor(), call.remoteAddress(), call.siren(), "/" + request.getUriInfo().getPath(),
                    "statut " + response.getStatus());
                try {
                    audit.get().record(event);
                } catch (RuntimeException e) {
                    // The change is already committed: tell operators loudly rather than the client wrongly.
                    LOG.error("Écriture non journalisée dans l'audit : {}", event, e);
                }
            }
        } finally {
            Call.clear();
        }
    }
}
