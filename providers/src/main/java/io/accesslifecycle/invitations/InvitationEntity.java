package io.accesslifecycle.invitations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One invitation: who, what it grants, its state, and the nonce of the only link that currently works. */
@Entity
@Table(name = "ACCESS_INVITATION")
@NamedQueries({
    @NamedQuery(
            name = "accessInvitation.pendingByEmail",
            query = "select i from InvitationEntity i where i.realmId = :realmId and i.email = :email"
                    + " and i.status = io.accesslifecycle.invitations.InvitationStatus.PENDING"),
    @NamedQuery(
            name = "accessInvitation.accept",
            query = "update InvitationEntity i set i.status = io.accesslifecycle.invitations.InvitationStatus.ACCEPTED,"
                    + " i.acceptedAt = :now, i.acceptedUserId = :userId"
                    + " where i.id = :id and i.status = io.accesslifecycle.invitations.InvitationStatus.PENDING"
                    + " and i.tokenNonce = :nonce and i.expiresAt > :now"),
})
public class InvitationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EMAIL", nullable = false)
    private String email;

    @Column(name = "FIRST_NAME")
    private String firstName;

    @Column(name = "LAST_NAME")
    private String lastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private InvitationStatus status;

    /** The grants as JSON (roles, groups, labels, end date, caller designation). */
    @Column(name = "GRANTS", length = 4000, nullable = false)
    private String grants;

    /** Labels as {@code |a|b|}, so that a label filter is a LIKE. */
    @Column(name = "LABELS", length = 4000)
    private String labels;

    @Column(name = "MESSAGE", length = 4000)
    private String message;

    @Column(name = "LOCALE", length = 16)
    private String locale;

    @Column(name = "NOTE", length = 1000)
    private String note;

    @Column(name = "INVITED_BY", length = 36)
    private String invitedBy;

    @Column(name = "INVITED_BY_NAME")
    private String invitedByName;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "TOKEN_NONCE", length = 36, nullable = false)
    private String tokenNonce;

    @Column(name = "ACCEPTED_AT")
    private Long acceptedAt;

    @Column(name = "ACCEPTED_USER_ID", length = 36)
    private String acceptedUserId;

    @Column(name = "ENDED_AT")
    private Long endedAt;

    /** The administrator who last issued the link (invite, edit or resend): acceptance is checked against their rights. */
    @Column(name = "ISSUED_BY", length = 36)
    private String issuedBy;

    @Column(name = "ISSUED_BY_REALM", length = 36)
    private String issuedByRealm;

    /** Why the last acceptance was refused (an administrator must renew the invitation), or null. */
    @Column(name = "PROBLEM", length = 1000)
    private String problem;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public InvitationStatus getStatus() {
        return status;
    }

    public void setStatus(InvitationStatus status) {
        this.status = status;
    }

    public String getGrants() {
        return grants;
    }

    public void setGrants(String grants) {
        this.grants = grants;
    }

    public String getLabels() {
        return labels;
    }

    public void setLabels(String labels) {
        this.labels = labels;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public void setInvitedBy(String invitedBy) {
        this.invitedBy = invitedBy;
    }

    public String getInvitedByName() {
        return invitedByName;
    }

    public void setInvitedByName(String invitedByName) {
        this.invitedByName = invitedByName;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public String getTokenNonce() {
        return tokenNonce;
    }

    public void setTokenNonce(String tokenNonce) {
        this.tokenNonce = tokenNonce;
    }

    public Long getAcceptedAt() {
        return acceptedAt;
    }

    public void setAcceptedAt(Long acceptedAt) {
        this.acceptedAt = acceptedAt;
    }

    public String getAcceptedUserId() {
        return acceptedUserId;
    }

    public void setAcceptedUserId(String acceptedUserId) {
        this.acceptedUserId = acceptedUserId;
    }

    public Long getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Long endedAt) {
        this.endedAt = endedAt;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public void setIssuedBy(String issuedBy) {
        this.issuedBy = issuedBy;
    }

    public String getIssuedByRealm() {
        return issuedByRealm;
    }

    public void setIssuedByRealm(String issuedByRealm) {
        this.issuedByRealm = issuedByRealm;
    }

    public String getProblem() {
        return problem;
    }

    public void setProblem(String problem) {
        this.problem = problem;
    }
}
