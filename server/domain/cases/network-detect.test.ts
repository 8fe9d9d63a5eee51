import { describe, expect, it } from "vitest";
import { detectNetwork, type TNetworkHosts } from "./network-detect";

const NETWORKS: TNetworkHosts[] = [
  { code: "VK", hosts: ["vk.com", "vk.ru", "vkontakte.ru"] },
  { code: "OK", hosts: ["ok.ru", "odnoklassniki.ru"] },
  { code: "TELEGRAM", hosts: ["t.me", "telegram.me"] },
  { code: "DZEN", hosts: ["dzen.ru"] },
  { code: "RF", hosts: ["одноклассники.рф"] },
];

describe("detecting the network from a post's link", () => {
  it.each([
    ["https://vk.com/wall-123_456", "VK"],
    ["https://m.vk.com/wall-123_456?reply=7", "VK"],
    ["http://www.vk.com/wall-1_2", "VK"],
    ["https://VK.COM/wall-1_2", "VK"],
    ["https://vk.com./wall-1_2", "VK"],
    ["https://ok.ru/group/1/topic/2", "OK"],
    ["https://m.ok.ru/dk?st.cmd=altGroupMediaThemeComments", "OK"],
    ["https://t.me/myasnikovsky/123", "TELEGRAM"],
    ["  https://dzen.ru/a/xyz  ", "DZEN"],
    ["https://одноклассники.рф/group/1", "RF"],
  ])("%s → %s", (url, code) => {
    expect(detectNetwork(url, NETWORKS)).toEqual({ ok: true, code });
  });

  it.each(["javascript:alert(1)", "file:///etc/passwd", "ftp://vk.com/x", "vk.com/wall-1_2", "", "mailto:a@vk.com"])(
    "refuses a link that is not http(s): %s",
    (url) => {
      const result = detectNetwork(url, NETWORKS);
      expect(result).toMatchObject({ ok: false, reason: "INVALID_URL" });
      if (!result.ok) expect(result.message).toMatch(/http/);
    },
  );

  it.each([
    "https://vk.com.evil.ru/wall-1_2",
    "https://evil-vk.com/x",
    "https://api.vk.com/x",
    "https://vk.com@evil.ru/x",
    "https://example.org/vk.com",
  ])("does not take a look-alike for a known network: %s", (url) => {
    const result = detectNetwork(url, NETWORKS);
    expect(result).toMatchObject({ ok: false, reason: "UNKNOWN_NETWORK" });
    if (!result.ok) expect(result.message).toMatch(/вручную/);
  });

  it("matches hosts written in the data with www. or upper case", () => {
    expect(detectNetwork("https://x.com/user/status/1", [{ code: "X", hosts: ["WWW.X.COM"] }])).toEqual({
      ok: true,
      code: "X",
    });
  });

  it("finds nothing with no networks configured", () => {
    expect(detectNetwork("https://vk.com/x", [])).toMatchObject({ ok: false, reason: "UNKNOWN_NETWORK" });
  });
});
