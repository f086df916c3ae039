package io.accesslifecycle.web;

import io.accesslifecycle.common.KeycloakPages;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;

/**
 * {@code /realms/{realm}/access-console/}: the access console, a static page built into the provider jar under
 * {@value ConsoleFile#ROOT}. The page itself is given the realm and Keycloak's addresses; every answer carries a
 * content security policy that allows only Keycloak, and anything that is not one of the built files is 404.
 */
public class AccessConsoleResource {

    private final KeycloakSession session;

    public AccessConsoleResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response root() {
        String path = session.getContext().getUri().getRequestUri().getPath();
        if (!path.endsWith("/")) {
            // the page's files are addressed relative to the folder
            return Response.seeOther(session.getContext()
                            .getUri()
                            .getRequestUriBuilder()
                            .replacePath(path + "/")
                            .build())
                    .build();
        }
        return serve("");
    }

    @GET
    @Path("{path: .+}")
    public Response file(@PathParam("path") String path) {
        return serve(path);
    }

    private Response serve(String requestPath) {
        // the page's own headers, stricter than the realm's; HSTS and robots as the realm says
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        ConsolePage page = page();
        Optional<ConsoleFile> file = ConsoleFile.of(requestPath);
        byte[] content = file.map(f -> read(f.resourceName())).orElse(null);
        if (content == null) {
            return secured(
                    Response.status(Response.Status.NOT_FOUND)
                            .type("text/plain; charset=utf-8")
                            .entity("Not found")
                            .header("Cache-Control", ConsoleFile.NO_STORE),
                    page);
        }
        ConsoleFile f = file.get();
        Object body = f.isIndex() ? page.fill(new String(content, StandardCharsets.UTF_8)) : content;
        return secured(Response.ok(body, f.contentType()).header("Cache-Control", f.cacheControl()), page);
    }

    private Response secured(Response.ResponseBuilder response, ConsolePage page) {
        Map<String, String> realmHeaders = session.getContext().getRealm().getBrowserSecurityHeaders();
        for (BrowserSecurityHeaders h :
                List.of(BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY, BrowserSecurityHeaders.X_ROBOTS_TAG)) {
            String value = realmHeaders == null ? null : realmHeaders.get(h.getKey());
            if (value != null && !value.isBlank()) {
                response.header(h.getHeaderName(), value);
            }
        }
        return response.header("Content-Security-Policy", page.contentSecurityPolicy())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    private ConsolePage page() {
        RealmModel realm = session.getContext().getRealm();
        return new ConsolePage(
                realm.getName(),
                KeycloakPages.CLIENT_ID,
                withSlash(session.getContext().getUri().getBaseUri().toString()),
                withSlash(
                        session.getContext().getUri(UrlType.ADMIN).getBaseUri().toString()),
                adminRealmSignIn(realm));
    }

    /**
     * The administration realm's name when its administrators may open this realm's console: the operator created
     * an enabled {@code access-console} client there (docs/console.md). The page then offers to sign in there; the
     * access API judges the master token by the {@code <realm>-realm} roles it carries, as Keycloak's admin API does.
     */
    private String adminRealmSignIn(RealmModel realm) {
        String adminRealm = Config.getAdminRealm();
        if (adminRealm.equals(realm.getName())) {
            return "";
        }
        RealmModel master = session.realms().getRealmByName(adminRealm);
        ClientModel client = master == null ? null : master.getClientByClientId(KeycloakPages.CLIENT_ID);
        return client != null && client.isEnabled() ? adminRealm : "";
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    private static byte[] read(String resourceName) {
        try (InputStream in = AccessConsoleResource.class.getClassLoader().getResourceAsStream(resourceName)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
