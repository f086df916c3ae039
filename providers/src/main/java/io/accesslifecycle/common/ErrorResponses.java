package io.accesslifecycle.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.keycloak.services.ErrorResponseException;

/**
 * Factories for the API's error answers. They build Keycloak's {@link ErrorResponseException}, which marks the
 * request's transaction for rollback, so an error never leaves a change half-applied.
 */
public final class ErrorResponses {

    private ErrorResponses() {}

    public static ErrorResponseException badRequest(String field, String detail) {
        return of(Response.Status.BAD_REQUEST, "invalid_input", field, detail);
    }

    public static ErrorResponseException conflict(String field, String detail) {
        return of(Response.Status.CONFLICT, "conflict", field, detail);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(Response.Status.NOT_FOUND, "not_found", null, detail);
    }

    /**
     * Runs a service call and turns the rule exceptions it throws into the API's JSON errors: {@link InputException}
     * into 400 ({@link BodyTooLargeException} into 413), {@link ConflictException} into 409, {@link NotInRealmException}
     * into 404, {@link RateLimitedException} into 429 with {@code Retry-After}.
     */
    public static <T> T translating(Supplier<T> call) {
        try {
            return call.get();
        } catch (BodyTooLargeException e) {
            throw of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "too_large", e.field(), e.detail());
        } catch (InputException e) {
            throw badRequest(e.field(), e.detail());
        } catch (ConflictException e) {
            throw conflict(e.field(), e.getMessage());
        } catch (NotInRealmException e) {
            throw notFound(e.getMessage());
        } catch (RateLimitedException e) {
            throw tooMany(e);
        }
    }

    public static ErrorResponseException tooMany(RateLimitedException e) {
        Response.ResponseBuilder r = Response.status(Response.Status.TOO_MANY_REQUESTS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("rate_limited", e.field(), e.detail()));
        if (e.retryAfterSeconds() > 0) {
            r.header("Retry-After", e.retryAfterSeconds());
        }
        return new ErrorResponseException(r.build());
    }

    public static ErrorResponseException of(Response.Status status, String error, String field, String detail) {
        return new ErrorResponseException(Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(error, field, detail))
                .build());
    }
}
