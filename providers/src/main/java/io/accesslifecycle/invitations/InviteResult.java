package io.accesslifecycle.invitations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Row-by-row answer to a bulk invitation, in the order of the request. */
public record InviteResult(List<Row> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String email, String status, String reason, String invitationId) {

        static Row invited(String email, String id, boolean replaced) {
            return new Row(email, replaced ? "reinvited" : "invited", null, id);
        }

        static Row rejected(String email, String reason) {
            return new Row(email, "rejected", reason, null);
        }
    }
}
