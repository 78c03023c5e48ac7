package org.liasse.rest;

import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.liasse.api.definition.MappingDefinition;
import org.liasse.api.error.LiasseException;
import org.liasse.api.exchange.DossierImports;
import org.liasse.api.exchange.ExchangeFormat;
import org.liasse.api.exchange.ExportedFile;
import org.liasse.api.exchange.ImportResult;
import org.liasse.api.identity.OperatorRole;
import org.liasse.api.identity.Rights;

/**
 * Import of management-software files into a dossier (dry run, then atomic apply with {@code If-Match}), export of a
 * dossier in the same formats, and the mappings offered for its questionnaire.
 */
@Path("/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeResource {

    private final Supplier<DossierImports> imports;

    ExchangeResource(Supplier<DossierImports> imports) {
        this.imports = imports;
    }

    /**
     * A mapping offered for a dossier.
     *
     * @param code        code to pass as {@code mapping}
     * @param title       French title
     * @param builtIn     whether it is the built-in mapping (keys are cell codes)
     * @param keyColumn   CSV/XLSX header of the keys
     * @param valueColumn CSV/XLSX header of the values
     * @param xmlRecord   XML element of a record
     * @param xmlKey      XML attribute of the key
     * @param keys        number of keys it knows, 0 for the built-in mapping (every cell code)
     */
    public record Mapping(String code, String title, boolean builtIn, String keyColumn, String valueColumn,
                          String xmlRecord, String xmlKey, int keys) {

        static Mapping of(MappingDefinition mapping) {
            return new Mapping(mapping.code(), mapping.title(), MappingDefinition.BUILT_IN.equals(mapping.code()),
                mapping.keyColumn(), mapping.valueColumn(), mapping.xmlRecord(), mapping.xmlKey(), mapping.cells().size());
        }
    }

    /** The mappings offered for the dossier's questionnaire, the built-in one first. */
    @GET
    @Path("{id}/mappings")
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public List<Mapping> mappings(@PathParam("id") long id) {
        return imports.get().mappings(id).stream().map(Mapping::of).toList();
    }

    /**
     * Checks a file (the raw body) against the dossier; with {@code apply=true} and {@code If-Match}, stores its
     * changes in one atomic save when it has no problem (422 with every problem otherwise).
     */
    @POST
    @Path("{id}/imports")
    @Consumes(MediaType.WILDCARD)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.IMPORT,
        perimeter = Access.Scope.TARGET)
    public ImportResult importFile(@PathParam("id") long id, @QueryParam("format") String format,
                                   @QueryParam("mapping") String mapping,
                                   @QueryParam("apply") @DefaultValue("false") boolean apply,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream content) {
        ExchangeFormat parsed = format(format, null);
        if (apply) {
            return imports.get().apply(id, Json.revision(ifMatch), parsed, mapping, content, Call.current().actor());
        }
        return imports.get().check(id, parsed, mapping, content);
    }

    /** The dossier's filled cells as a file to download ({@code format}: csv by default, xlsx or xml). */
    @GET
    @Path("{id}/export")
    @Produces(MediaType.WILDCARD)
    @Access(value = Access.Level.ORGANISATION, target = Access.Target.DOSSIER, right = Rights.CONSULT,
        operators = {OperatorRole.SUPPORT, OperatorRole.CAMPAIGN_MANAGER, OperatorRole.SUPER_ADMIN},
        perimeter = Access.Scope.TARGET)
    public Response export(@PathParam("id") long id, @QueryParam("format") String format) {
        ExportedFile file = imports.get().export(id, format(format, ExchangeFormat.CSV));
        return Response.ok(file.content(), file.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.contentDisposition(file.name()))
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .build();
    }

    private static ExchangeFormat format(String name, ExchangeFormat fallback) {
        if ((name == null || name.isBlank()) && fallback != null) {
            return fallback;
        }
        return ExchangeFormat.named(name).orElseThrow(() -> new LiasseException(400, "format-inconnu",
            "Format de fichier inconnu : choisissez csv, xlsx ou xml (paramètre format)."));
    }
}
