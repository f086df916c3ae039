package io.accesslifecycle.upgrade;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the bundle's admin API shows of the data the previous release wrote: read once before the upgrade and once
 * after it, then compared.
 */
record Snapshot(JsonNode invitations, JsonNode requests, JsonNode users, JsonNode config, JsonNode audit) {

    static Snapshot of(LifecycleRealm api) {
        return new Snapshot(
                api.get("/invitations"),
                api.get("/requests"),
                api.get("/users?label=migrated"),
                api.get("/config"),
                api.get("/audit"));
    }
}
