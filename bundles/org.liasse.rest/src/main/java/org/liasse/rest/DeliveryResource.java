package org.liasse.rest;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.liasse.api.identity.OperatorRole;
import org.liasse.api.transmission.Delivery;
import org.liasse.api.transmission.DeliveryAttempt;
import org.liasse.api.transmission.DeliveryService;

/** One delivery of the outbox, for partner staff: its attempts, and re-delivery. */
@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final Supplier<DeliveryService> deliveries;

    DeliveryResource(Supplier<DeliveryService> deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * A delivery with every attempt.
     *
     * @param delivery the delivery
     * @param attempts its attempts, oldest first
     */
    public record DeliveryView(Delivery delivery, List<DeliveryAttempt> attempts) {
    }

    /** A delivery and its attempts. */
    @GET
    @Path("{id}")
    @Access(value = Access.Level.OPERATOR,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET, target = Access.Target.DELIVERY)
    public DeliveryView get(@PathParam("id") long id) {
        DeliveryService service = deliveries.get();
        return new DeliveryView(service.delivery(id), service.attempts(id));
    }

    /** Puts the delivery back in the outbox for an immediate attempt, with the same idempotency key. */
    @POST
    @Path("{id}/redeliver")
    @Access(value = Access.Level.OPERATOR, operators = {OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET, target = Access.Target.DELIVERY)
    public Delivery redeliver(@PathParam("id") long id) {
        return deliveries.get().redeliver(id, Call.current().requireCaller());
    }
}
