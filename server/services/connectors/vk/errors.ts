import type { TVkFailureKind } from "../../../domain/connectors/vk-errors";

/**
 * VK refused or failed, as the transport reports it: precise status codes for machines
 * (the router maps `code` onto tRPC's), the Russian message for people. Refusals of the
 * portal's own (not configured, case not approved) stay ServiceErrors.
 */
export type TConnectorErrorCode = "PRECONDITION_FAILED" | "TOO_MANY_REQUESTS" | "BAD_GATEWAY" | "UNPROCESSABLE_CONTENT";

export class ConnectorError extends Error {
  constructor(
    readonly code: TConnectorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ConnectorError";
  }
}

/** The status a VK failure of each kind answers with. */
export const CONNECTOR_CODE_OF: Readonly<Record<TVkFailureKind, TConnectorErrorCode>> = {
  // The key must be replaced before anything works again.
  TOKEN: "PRECONDITION_FAILED",
  RATE_LIMIT: "TOO_MANY_REQUESTS",
  TRANSIENT: "BAD_GATEWAY",
  // VK understood and refused (no rights, comments closed): the same call will not succeed.
  PERMANENT: "UNPROCESSABLE_CONTENT",
};
