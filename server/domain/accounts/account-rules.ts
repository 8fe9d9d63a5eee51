import { detectNetwork } from "../cases/network-detect";
import { normalizeHost, normalizePostUrl, parseHttpUrl } from "../cases/post-url";

/**
 * The register of official accounts (п.6 of the annex, п.3 of the resolution): which network,
 * which page, whose page it is. Networks are data (SocialNetwork rows): a link belongs to a
 * network when its host is one of the network's hosts, by the same rule the intake uses to
 * detect a publication's network (server/domain/cases/network-detect.ts).
 */

export const ACCOUNT_OWNER_KINDS = ["LEGAL_ENTITY", "OFFICIAL_REPRESENTATIVE"] as const;
export type TAccountOwnerKind = (typeof ACCOUNT_OWNER_KINDS)[number];

/** п.6 names the two kinds of official page. */
export const ACCOUNT_OWNER_KIND_LABELS = {
  LEGAL_ENTITY: "страница юридического лица",
  OFFICIAL_REPRESENTATIVE: "страница официального представителя",
} as const satisfies Record<TAccountOwnerKind, string>;

export interface TNetworkData {
  id: string;
  code: string;
  name: string;
  hosts: readonly string[];
}

export type TCheck<T> = { ok: true; value: T } | { ok: false; message: string };

const hostList = (network: TNetworkData) => network.hosts.filter((h) => h.trim() !== "").join(", ");

/**
 * A link on `network`: http(s), on one of its hosts. A network without hosts (the "other
 * network" entry) takes any http(s) link that no other known network claims, so a VK page is
 * never registered as "other". Returns the link trimmed, as entered otherwise.
 */
export function checkLinkOnNetwork(
  url: string,
  network: TNetworkData,
  allNetworks: readonly TNetworkData[],
  what: "account" | "post",
): TCheck<string> {
  const trimmed = url.trim();
  const parsed = parseHttpUrl(trimmed);
  if (!parsed) {
    return {
      ok: false,
      message:
        what === "account"
          ? "Укажите адрес страницы, начинающийся с http:// или https://"
          : "Укажите ссылку на публикацию, начинающуюся с http:// или https://",
    };
  }
  const own = network.hosts.some((h) => h.trim() !== "");
  if (own && detectNetwork(trimmed, [network]).ok) return { ok: true, value: trimmed };
  const other = detectNetwork(
    trimmed,
    allNetworks.filter((n) => n.id !== network.id),
  );
  if (other.ok) {
    const otherName = allNetworks.find((n) => n.code === other.code)?.name ?? other.code;
    return {
      ok: false,
      message: `Ссылка ведёт в сеть «${otherName}», а выбрана «${network.name}»`,
    };
  }
  if (!own) return { ok: true, value: trimmed };
  return {
    ok: false,
    message: `Ссылка должна вести на сайт сети «${network.name}» (${hostList(network)}), а не на ${parsed.hostname}`,
  };
}

/** Two links to the same page compare equal (scheme, www./m., tracking parameters, trailing slash aside). */
export function sameLink(a: string, b: string): boolean {
  const na = normalizePostUrl(a);
  return na !== null && na === normalizePostUrl(b);
}

/**
 * The network's own id of the page, for connectors. Optional. VK's community id is a number;
 * people copy it as "club123", "public123" or the owner id "-123": all are read as "123".
 */
export function checkExternalId(value: string | null | undefined, networkCode: string): TCheck<string | null> {
  const trimmed = (value ?? "").trim();
  if (trimmed === "") return { ok: true, value: null };
  if (networkCode === "VK") {
    const match = /^(?:-|club|public|event)?(\d{1,19})$/iu.exec(trimmed);
    if (!match?.[1] || /^0+$/u.test(match[1])) {
      return {
        ok: false,
        message: "Для ВКонтакте укажите числовой идентификатор сообщества, например 12345678",
      };
    }
    return { ok: true, value: match[1].replace(/^0+/u, "") };
  }
  if (trimmed.length > 100 || !/^[\w.@-]+$/u.test(trimmed)) {
    return {
      ok: false,
      message: "Идентификатор: латинские буквы, цифры, точка, дефис, подчёркивание, не более 100 символов",
    };
  }
  return { ok: true, value: trimmed };
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/u;

/** A host name as typed ("VK.com", "https://vk.com/", "одноклассники.рф") in its stored form; null if not one. */
export function readHostName(value: string): string | null {
  let text = value.trim().toLowerCase();
  if (text === "") return null;
  if (text.includes("://")) {
    const parsed = parseHttpUrl(text);
    if (!parsed) return null;
    text = parsed.hostname;
  }
  text = text.replace(/\.$/u, "");
  // A host name has no path, port, query or user part.
  if (/[/:?#@\\\s]/u.test(text)) return null;
  let host: string;
  try {
    host = new URL(`http://${text}`).hostname;
  } catch {
    return null;
  }
  const labels = host.split(".");
  if (host.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  return host;
}

export const MAX_NETWORK_HOSTS = 20;

/**
 * A network's host names: each a real host name, each once, none claimed by another network
 * (the same host on two networks would make detection depend on the order of the table).
 * An empty list is allowed: a network detected by nothing, chosen by hand ("other network").
 */
export function checkNetworkHosts(
  values: readonly string[],
  otherNetworks: readonly Pick<TNetworkData, "name" | "hosts">[],
): TCheck<string[]> {
  const hosts: string[] = [];
  for (const value of values) {
    if (value.trim() === "") continue;
    const host = readHostName(value);
    if (!host) return { ok: false, message: `«${value.trim()}» — не имя сайта (пример: vk.com)` };
    if (!hosts.includes(host)) hosts.push(host);
  }
  if (hosts.length > MAX_NETWORK_HOSTS) {
    return { ok: false, message: `Не более ${MAX_NETWORK_HOSTS} адресов у одной сети` };
  }
  for (const host of hosts) {
    const owner = otherNetworks.find((n) =>
      n.hosts.some((h) => h.trim() !== "" && normalizeHost(h) === normalizeHost(host)),
    );
    if (owner) return { ok: false, message: `Адрес ${host} уже относится к сети «${owner.name}»` };
  }
  return { ok: true, value: hosts };
}
