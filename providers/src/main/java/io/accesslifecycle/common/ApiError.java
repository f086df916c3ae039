package io.accesslifecycle.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error the access API answers: what went wrong, which input field, and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, String detail) {}
