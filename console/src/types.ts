// The shapes of the access API (/admin/realms/{realm}/access), as docs/*.md describe them.

export type UserStatus = 'active' | 'expiring' | 'expired-grace' | 'disabled';

export interface UserSummary {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  status: UserStatus;
  labels: string[];
  accessExpiresOn?: string;
  authorisedCaller: boolean;
  /** for an account in its grace period: the day it will be deleted */
  deletionOn?: string;
}

export interface UserAccess {
  id: string;
  username: string;
  email?: string;
  roles: string[];
  groups: string[];
  labels: string[];
  accessExpiresOn?: string;
  authorisedCaller: boolean;
  supportPlan?: string;
  callerPhone?: string;
  callerCountry?: string;
}

/** The body of PUT /users/{id}/access: it replaces the user's access. */
export interface AccessUpdate {
  roles: string[];
  groups: string[];
  labels: string[];
  accessExpiresOn: string | null;
  authorisedCaller: boolean;
  supportPlan?: string | null;
  callerPhone?: string | null;
  callerCountry?: string | null;
  notifyUser: boolean;
  note?: string | null;
}

export interface RoleEntry {
  ref: string;
  name: string;
  clientId?: string;
  description?: string;
  descriptionEn?: string;
  descriptionFr?: string;
}

export interface GroupEntry {
  path: string;
  name: string;
  description?: string;
}

export interface Catalogue {
  roles: RoleEntry[];
  groups: GroupEntry[];
}

export interface LabelCount {
  label: string;
  users: number;
}

export interface Invitee {
  email: string;
  firstName?: string;
  lastName?: string;
}

export interface InviteRequest {
  invitees: Invitee[];
  roles?: string[];
  groups?: string[];
  labels?: string[];
  accessExpiresOn?: string;
  authorisedCaller?: boolean;
  supportPlan?: string;
  callerPhone?: string;
  callerCountry?: string;
  message?: string;
  locale?: string;
  note?: string;
}

export interface InviteResultRow {
  email: string;
  status: 'invited' | 'reinvited' | 'rejected';
  reason?: string;
  invitationId?: string;
}

export interface DeliveryStatus {
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError?: string;
  sentAt?: number;
}

export interface Invitation {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
  status: 'pending' | 'accepted' | 'revoked' | 'replaced' | 'expired';
  roles: string[];
  groups: string[];
  labels: string[];
  accessExpiresOn?: string;
  authorisedCaller: boolean;
  message?: string;
  locale?: string;
  note?: string;
  invitedBy?: string;
  invitedByName?: string;
  createdAt?: string;
  expiresAt?: string;
  acceptedAt?: string;
  acceptedUserId?: string;
  emailDelivery?: DeliveryStatus;
  supportPlan?: string;
  callerPhone?: string;
  callerCountry?: string;
  issuedBy?: string;
  /** Why the last acceptance was refused: an administrator must renew (edit or resend) the invitation. */
  problem?: string;
}

export interface InvitationUpdate {
  firstName?: string;
  lastName?: string;
  roles?: string[];
  groups?: string[];
  labels?: string[];
  accessExpiresOn?: string;
  authorisedCaller?: boolean;
  message?: string;
  locale?: string;
  note?: string;
  notifyInvitee?: boolean;
}

export interface Expiration {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  status: 'expiring' | 'expired-grace';
  accessExpiresOn: string;
  deletionOn?: string;
  labels: string[];
}

export interface OffboardingRow {
  username: string;
  status: string;
  reason?: string;
  [key: string]: unknown;
}

export interface AccessRequest {
  id: string;
  userId: string;
  username: string;
  email?: string;
  justification: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  createdAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

export interface Decision {
  roles?: string[];
  groups?: string[];
  labels?: string[];
  accessExpiresOn?: string | null;
  notifyUser?: boolean;
  note?: string;
  reason?: string;
}

export interface AuditRecord {
  id: string;
  time: string;
  type: string;
  actorId?: string;
  actorName?: string;
  targetId?: string;
  targetName?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

export interface Settings {
  invitationLifespanDays: number;
  expiryGraceDays: number;
  expiryReminderDays: number[];
  passwordReminderDays: number;
  usernamePatterns: string[];
  usernameMaxLength: number;
  authorisedCallerLimit: Record<string, number>;
  callerRequiredFields: Record<string, string[]>;
  notifyAdminsOnPermissionChange: boolean;
  allowInvitationToOtherEmail: boolean;
  auditRetentionDays: number;
  timeZone: string;
  /** the bundle acts in this realm */
  enabled?: boolean;
  /** whether the signed-in administrator may change the settings (manage-realm) */
  editable?: boolean;
  /** stored values that are not valid and were replaced by their default */
  refused?: RefusedSetting[];
}

export interface RefusedSetting {
  field: string;
  value: string;
  reason: string;
}
