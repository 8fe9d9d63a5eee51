import type { TRole } from "../domain/auth/roles";

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    roles?: TRole[];
    municipalityId?: string | null;
    /** Seconds since the epoch when the person signed in; compared with the last password change. */
    authAt?: number;
  }
}

declare module "@auth/core/types" {
  interface Session {
    uid?: string;
    roles?: TRole[];
    municipalityId?: string | null;
    authAt?: number;
  }
}
