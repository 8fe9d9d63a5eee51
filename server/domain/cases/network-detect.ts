import { normalizeHost, parseHttpUrl } from "./post-url";

/** A network's host names, from the SocialNetwork table: networks are data, not code. */
export interface TNetworkHosts {
  code: string;
  hosts: readonly string[];
}

export type TNetworkDetection =
  { ok: true; code: string } | { ok: false; reason: "INVALID_URL" | "UNKNOWN_NETWORK"; message: string };

/**
 * The network of a post from its link. Only http(s) links are accepted, so a `javascript:` or
 * `file:` link never reaches a page as a clickable post. A host matches a network's host
 * exactly or through its `www.`/`m.` variant; other subdomains do not match, so that
 * "vk.com.example.ru" or "evil-vk.com" are never taken for VK.
 */
export function detectNetwork(url: string, networks: readonly TNetworkHosts[]): TNetworkDetection {
  const parsed = parseHttpUrl(url);
  if (parsed === null) {
    return {
      ok: false,
      reason: "INVALID_URL",
      message: "Укажите ссылку на публикацию, начинающуюся с http:// или https://",
    };
  }
  const host = normalizeHost(parsed.hostname);
  for (const network of networks) {
    if (network.hosts.some((h) => h.trim() !== "" && normalizeHost(h) === host)) {
      return { ok: true, code: network.code };
    }
  }
  return {
    ok: false,
    reason: "UNKNOWN_NETWORK",
    message: `Сайт ${parsed.hostname} не относится ни к одной известной социальной сети: выберите сеть вручную`,
  };
}
