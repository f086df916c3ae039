package io.accesslifecycle.access;

import java.util.List;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RoleModel;

/** Roles and groups resolved from their references, ready to be granted. */
public record Grants(List<RoleModel> roles, List<GroupModel> groups) {}
