package org.liasse.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.liasse.api.attachment.Attachment;
import org.liasse.api.attachment.AttachmentService;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

/**
 * The exchange space of a dossier (« pièces jointes »): upload with the raw file as body and its name in the
 * {@code nom} query parameter, list, download, delete. Members of the organisation read with the right to consult
 * and write with the right to manage attachments; operators read within their perimeter.
 */
@Path("/dossiers/{id}/pieces")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentResource {

    /** What is read of a refused upload's remaining body, so that the client receives the refusal. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final Supplier<AttachmentService> attachments;

    AttachmentResource(Supplier<AttachmentService> attachments) {
        this.attachments = attachments;
    }

    /**
     * The files of the dossier, newest first, the room they take and the rules of the space; the ETag is their
     * revision.
     */
    @GET
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response list(@PathParam("id") long id) {
        long revision = attachments.get().revision(id);
        return Json.tagged(attachments.get().list(id), revision);
    }

    /** Uploads a file (raw body, any content type: the type is detected from the content); 201 with the file. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.ATTACHMENTS,
        perimeter = Access.Scope.TARGET)
    public Response upload(@PathParam("id") long id, @QueryParam("nom") String name, InputStream body) {
        Call call = Call.current();
        try {
            Attachment saved = attachments.get().store(id, name, body == null ? InputStream.nullInputStream() : body,
                call.actor(), call.remoteAddress());
            return Response.created(URI.create("dossiers/" + id + "/pieces/" + saved.id())).entity(saved).build();
        } finally {
            drain(body);
        }
    }

    /** The content of a file, as a download that browsers neither display nor sniff. */
    @GET
    @Path("{piece}")
    @Produces(MediaType.WILDCARD)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response download(@PathParam("id") long id, @PathParam("piece") long piece) {
        Call call = Call.current();
        AttachmentService.Download download = attachments.get().open(id, piece, call.actor(), call.remoteAddress());
        StreamingOutput content = out -> {
            try (InputStream in = download.content()) {
                in.transferTo(out);
            }
        };
        Attachment attachment = download.attachment();
        return Response.ok(content, attachment.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(attachment.name()))
            .header(HttpHeaders.CONTENT_LENGTH, attachment.size())
            .header("X-Content-Type-Options", "nosniff")
            .header("Content-Security-Policy", "default-src 'none'; sandbox")
            .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
            .build();
    }

    /**
     * Deletes a file: it leaves the list and its content is erased; the deletion is audited. {@code If-Match} (the
     * files' revision) is required; the answer's ETag is their new revision.
     */
    @DELETE
    @Path("{piece}")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.ATTACHMENTS,
        perimeter = Access.Scope.TARGET)
    public Response delete(@PathParam("id") long id, @PathParam("piece") long piece,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long revision = Json.revision(ifMatch);
        Call call = Call.current();
        attachments.get().delete(id, piece, revision, call.actor(), call.remoteAddress());
        return Response.noContent().tag(new EntityTag(Long.toString(revision + 1))).build();
    }

    /** Reads what is left of a refused body (up to a limit), so that the client gets the answer, not a reset. */
    /** Reads what is left of a request body (up to a limit), so that the client receives the answer. */
    static void drain(InputStream body) {
        if (body == null) {
            return;
        }
        try {
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int read = body.read(buffer); read >= 0 && skipped < DRAIN_LIMIT; read = body.read(buffer)) {
                skipped += read;
            }
        } catch (IOException e) {
            // The client is gone: there is nobody left to answer.
        }
    }
}
