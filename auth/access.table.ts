// Tables of sign-in access: one-time invitation links and the sign-in throttle (migrations/0100_access.ts).
export interface InvitationsTable {
  token_hash: string;
  person_id: string;
  org_id: string;
  created_at: Date | string;
  expires_at: Date | string;
  used_at: Date | string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date | string;
  locked_until: Date | string | null;
}
