import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~30 ms here.
// (algorithm 2 is Algorithm.Argon2id: a const enum, which isolatedModules cannot read.)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the login is unknown keeps the response time the same, so
// timing does not tell which logins exist.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$N8LW4OSSY228mif30F2L0A$oXuk47PZw7nLBr+edml4mWwc9/jT40xCnrQ5Yon7s+I";

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  }
}
