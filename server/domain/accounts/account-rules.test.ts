import { describe, expect, it } from "vitest";
import {
  checkExternalId,
  checkLinkOnNetwork,
  checkNetworkHosts,
  readHostName,
  sameLink,
  type TNetworkData,
} from "./account-rules";

const VK: TNetworkData = { id: "vk", code: "VK", name: "ВКонтакте", hosts: ["vk.com", "vk.ru", "m.vk.com"] };
const OK: TNetworkData = { id: "ok", code: "OK", name: "Одноклассники", hosts: ["ok.ru"] };
const OTHER: TNetworkData = { id: "other", code: "OTHER", name: "Другая сеть", hosts: [] };
const ALL = [VK, OK, OTHER];

describe("a link on the chosen network", () => {
  it("accepts the network's own hosts, with www. and m. variants, and keeps the link as entered", () => {
    expect(checkLinkOnNetwork("  https://vk.com/myasnikovskiy_rayon ", VK, ALL, "account")).toEqual({
      ok: true,
      value: "https://vk.com/myasnikovskiy_rayon",
    });
    expect(checkLinkOnNetwork("https://www.vk.ru/club1", VK, ALL, "account").ok).toBe(true);
    expect(checkLinkOnNetwork("http://m.vk.com/wall-1_2", VK, ALL, "post").ok).toBe(true);
  });

  it("refuses a link that is not http(s)", () => {
    expect(checkLinkOnNetwork("vk.com/club1", VK, ALL, "account")).toEqual({
      ok: false,
      message: "Укажите адрес страницы, начинающийся с http:// или https://",
    });
    expect(checkLinkOnNetwork("javascript:alert(1)", VK, ALL, "post")).toEqual({
      ok: false,
      message: "Укажите ссылку на публикацию, начинающуюся с http:// или https://",
    });
  });

  it("names the network a link really leads to", () => {
    expect(checkLinkOnNetwork("https://ok.ru/group/1", VK, ALL, "account")).toEqual({
      ok: false,
      message: "Ссылка ведёт в сеть «Одноклассники», а выбрана «ВКонтакте»",
    });
    expect(checkLinkOnNetwork("https://vk.com/club1", OTHER, ALL, "account").ok).toBe(false);
  });

  it("refuses look-alike hosts and foreign sites", () => {
    const result = checkLinkOnNetwork("https://vk.com.example.ru/club1", VK, ALL, "account");
    expect(result).toEqual({
      ok: false,
      message: "Ссылка должна вести на сайт сети «ВКонтакте» (vk.com, vk.ru, m.vk.com), а не на vk.com.example.ru",
    });
    expect(checkLinkOnNetwork("https://evil-vk.com/club1", VK, ALL, "post").ok).toBe(false);
  });

  it("lets a network without hosts take any link no other network claims", () => {
    expect(checkLinkOnNetwork("https://myasnikovsky.ru/news", OTHER, ALL, "account")).toEqual({
      ok: true,
      value: "https://myasnikovsky.ru/news",
    });
  });

  it("compares links to one page whatever their spelling", () => {
    expect(sameLink("https://vk.com/club1/", "http://www.vk.com/club1?utm_source=x")).toBe(true);
    expect(sameLink("https://vk.com/club1", "https://vk.com/club2")).toBe(false);
    expect(sameLink("не ссылка", "не ссылка")).toBe(false);
  });
});

describe("the network's id of a page", () => {
  it("reads VK community ids in the forms people copy", () => {
    for (const value of ["12345678", "-12345678", "club12345678", "public12345678", " 12345678 "]) {
      expect(checkExternalId(value, "VK")).toEqual({ ok: true, value: "12345678" });
    }
    expect(checkExternalId("", "VK")).toEqual({ ok: true, value: null });
    expect(checkExternalId(null, "VK")).toEqual({ ok: true, value: null });
  });

  it("refuses a VK id that is not a number", () => {
    for (const value of ["myasnikovskiy_rayon", "0", "12 34", "id12"]) {
      expect(checkExternalId(value, "VK")).toEqual({
        ok: false,
        message: "Для ВКонтакте укажите числовой идентификатор сообщества, например 12345678",
      });
    }
  });

  it("takes a plain token for other networks", () => {
    expect(checkExternalId("myasnikovskiy_official", "TELEGRAM")).toEqual({
      ok: true,
      value: "myasnikovskiy_official",
    });
    expect(checkExternalId("два слова", "TELEGRAM").ok).toBe(false);
  });
});

describe("a network's host names", () => {
  it("reads host names as typed", () => {
    expect(readHostName(" VK.com ")).toBe("vk.com");
    expect(readHostName("https://vk.com/")).toBe("vk.com");
    expect(readHostName("vk.com.")).toBe("vk.com");
    expect(readHostName("одноклассники.рф")).toBe("xn--80ahnahceodec3ba.xn--p1ai");
    for (const bad of ["", "vk", "vk.com/club1", "vk.com:443", "vk com", "-vk.com", "ftp://vk.com", "user@vk.com"]) {
      expect(readHostName(bad)).toBeNull();
    }
  });

  it("keeps each host once, in order", () => {
    expect(checkNetworkHosts(["vk.com", " VK.com", "", "m.vk.com"], [OK])).toEqual({
      ok: true,
      value: ["vk.com", "m.vk.com"],
    });
    expect(checkNetworkHosts([], [OK])).toEqual({ ok: true, value: [] });
  });

  it("refuses a host that is not one, or belongs to another network", () => {
    expect(checkNetworkHosts(["vk.com", "vk com"], [OK])).toEqual({
      ok: false,
      message: "«vk com» — не имя сайта (пример: vk.com)",
    });
    expect(checkNetworkHosts(["www.ok.ru"], [OK])).toEqual({
      ok: false,
      message: "Адрес www.ok.ru уже относится к сети «Одноклассники»",
    });
    const many = Array.from({ length: 21 }, (_, i) => `site${i}.ru`);
    expect(checkNetworkHosts(many, []).ok).toBe(false);
  });
});
