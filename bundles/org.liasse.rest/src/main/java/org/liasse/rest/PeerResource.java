package org.liasse.rest;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.liasse.api.peer.PeerMessage;
import org.liasse.api.peer.PeerService;

/**
 * The endpoints other partners' servers call. They carry no session nor token: each request is signed with the
 * calling server's key and checked by the {@link PeerService} against the certificate registered for it, and each
 * answer is signed with this server's key.
 */
@Path("/peer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PeerResource {

    private final Supplier<PeerService> peers;

    PeerResource(Supplier<PeerService> peers) {
        this.peers = peers;
    }

    /** A peer asks for the values of one of its organisations' dossiers; the answer is signed. */
    @POST
    @Path("transfers")
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Response transfer(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return answer(headers, uri, body, peers.get()::answerTransfer);
    }

    /** A peer acknowledges a transfer with the digest it stored; the answer is signed. */
    @POST
    @Path("acks")
    @Access(value = Access.Level.PUBLIC, perimeter = Access.Scope.NONE)
    public Response acknowledge(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return answer(headers, uri, body, peers.get()::answerAcknowledgement);
    }

    private static Response answer(HttpHeaders headers, UriInfo uri, byte[] body,
                                   Function<PeerMessage, PeerMessage> service) {
        Map<String, String> protocol = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : PeerMessage.HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                protocol.put(name, value);
            }
        }
        String query = uri.getRequestUri().getRawQuery();
        String path = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        PeerMessage answer = service.apply(new PeerMessage("POST", path, protocol, body == null ? new byte[0] : body));
        Response.ResponseBuilder response = Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE);
        answer.headers().forEach(response::header);
        return response.build();
    }
}
