import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CaseStatus } from "../../db/generated/client";
import { loadSessionUser, type TSessionUser } from "../../auth/session-user";
import type { TUploadLimits } from "../../domain/attachments/limits";
import { LocalFileStorage } from "../../storage/local";
import { createTestDatabase, type TTestDatabase } from "../../testing/db";
import { createDepartment, createMunicipality, createUser } from "../../testing/factories";
import { registerCase } from "../cases/intake";
import { attachmentActorOf, respondToDownload, respondToRemoval, respondToUpload } from "./http";
import { linkPendingEvidence } from "./link";
import type { TPresentedAttachment } from "./present";
import { uploadAttachment } from "./upload";

// The attachment routes' contract, through the same Request → Response functions the route
// handlers call (only the session lookup is left out): real PostgreSQL, real files on disk,
// real images made with sharp.

let t: TTestDatabase;
let base: string;
let storageRoot: string;
let uploadTemp: string;
let storage: LocalFileStorage;
let municipalityId: string;
let zhkhId: string;
let eduId: string;
const users: Record<string, TSessionUser> = {};
const now = new Date("2026-11-27T09:00:00Z");
const KB = 1024;
const limits: TUploadLimits = { maxPhotoBytes: 20 * 1024 * KB, maxVideoBytes: 200 * 1024 * KB };

beforeAll(async () => {
  t = await createTestDatabase();
  base = await mkdtemp(path.join(os.tmpdir(), "otklik-attachments-"));
  storageRoot = path.join(base, "uploads");
  uploadTemp = path.join(base, "incoming");
  await mkdir(uploadTemp);
  storage = new LocalFileStorage(storageRoot);

  await t.prisma.socialNetwork.create({ data: { code: "VK", name: "ВКонтакте", hosts: ["vk.com"] } });
  municipalityId = (await createMunicipality(t.prisma)).id;
  const otherId = (await createMunicipality(t.prisma)).id;
  const org = await createDepartment(t.prisma, municipalityId, { isCoordinating: true });
  zhkhId = (await createDepartment(t.prisma, municipalityId, { name: "ЖКХ" })).id;
  eduId = (await createDepartment(t.prisma, municipalityId, { name: "Образование" })).id;
  const made = {
    coordinator: await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId, departmentId: org.id }),
    executor: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId }),
    executor2: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: zhkhId }),
    eduExecutor: await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId, departmentId: eduId }),
    curator: await createUser(t.prisma, { roles: ["CURATOR"], municipalityId: null, curates: [municipalityId] }),
    head: await createUser(t.prisma, { roles: ["HEAD"], municipalityId }),
    admin: await createUser(t.prisma, { roles: ["ADMIN"], municipalityId }),
    stranger: await createUser(t.prisma, { roles: ["COORDINATOR"], municipalityId: otherId }),
  };
  for (const [name, user] of Object.entries(made)) {
    const session = await loadSessionUser(t.prisma, { userId: user.id, authAt: Math.floor(now.getTime() / 1000) });
    if (!session) throw new Error(`No session for ${name}`);
    users[name] = session;
  }
});
afterAll(async () => {
  await t.cleanup();
  await rm(base, { recursive: true, force: true });
});
afterEach(async () => {
  // Whatever happened, the upload's temporary folder is gone.
  expect(await readdir(uploadTemp)).toEqual([]);
});

const user = (name: string) => {
  const u = users[name];
  if (!u) throw new Error(`No user ${name}`);
  return u;
};

let caseCounter = 0;
/** A case of the municipality in `status`, routed to ЖКХ unless it is new. */
async function makeCase(status: CaseStatus = "ASSIGNED", departmentId: string | null = zhkhId): Promise<string> {
  caseCounter += 1;
  const { caseId } = await registerCase(
    t.prisma,
    { userId: user("coordinator").id, municipalityId, via: "UI" },
    { source: "CURATOR", url: `https://vk.com/wall-1_${caseCounter}`, text: "Во дворе дома 5 по ул. Ленина яма" },
    now,
  );
  // The workflow's own tests cover how a case gets there; here only the status matters.
  if (status !== "NEW") await t.prisma.case.update({ where: { id: caseId }, data: { status, departmentId } });
  return caseId;
}

const photo = (width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: "#c00" } })
    .jpeg()
    .toBuffer();

/** An MP4 as a phone writes it starts with an `ftyp` box; the rest is opaque to the portal. */
function mp4(payloadBytes: number): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypmp42"),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from("mp42isom"),
  ]);
  return Buffer.concat([ftyp, randomBytes(payloadBytes)]);
}

function uploadRequest(caseId: string, purpose: string, file?: { bytes: Buffer; name: string; type?: string }) {
  const form = new FormData();
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "image/jpeg" }), file.name);
  return new Request(`http://portal.test/api/cases/${caseId}/attachments?purpose=${purpose}`, {
    method: "POST",
    body: form,
  });
}

function upload(
  who: string | null,
  caseId: string,
  purpose: string,
  file?: { bytes: Buffer; name: string; type?: string },
  uploadLimits: TUploadLimits = limits,
) {
  return respondToUpload(uploadRequest(caseId, purpose, file), caseId, {
    prisma: t.prisma,
    storage,
    limits: uploadLimits,
    tempDir: uploadTemp,
    user: who ? user(who) : null,
  });
}

async function uploaded(response: Response): Promise<TPresentedAttachment> {
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { attachment: TPresentedAttachment }).attachment;
}

function download(who: string | null, url: string, headers: Record<string, string> = {}) {
  const id = new URL(url, "http://portal.test").pathname.split("/").pop() ?? "";
  return respondToDownload(new Request(new URL(url, "http://portal.test"), { headers }), id, {
    prisma: t.prisma,
    storage,
    user: who ? user(who) : null,
  });
}

function remove(who: string, attachmentId: string) {
  return respondToRemoval(
    new Request(`http://portal.test/api/attachments/${attachmentId}`, { method: "DELETE" }),
    attachmentId,
    { prisma: t.prisma, storage, user: user(who) },
  );
}

/** Every file under the storage folder, its temporary folder included. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(storageRoot, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(storageRoot, path.join(e.parentPath, e.name)))
    .sort();
}

async function expectRefusal(response: Response, status: number, error: string, message?: string | RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: string; message: string };
  expect(body.error).toBe(error);
  expect(body.message).toMatch(/[А-Яа-яЁё]/);
  if (message !== undefined) expect(body.message).toMatch(message);
}

/** Runs a refused upload and checks that it left nothing: no row, no stored file, no temporary file. */
async function expectNothingStored(caseId: string, act: () => Promise<void>) {
  const before = await storedFiles();
  const rowsBefore = await t.prisma.attachment.count();
  await act();
  expect(await t.prisma.attachment.count({ where: { caseId } })).toBe(0);
  expect(await t.prisma.attachment.count()).toBe(rowsBefore);
  expect(await storedFiles()).toEqual(before);
  expect(await readdir(uploadTemp)).toEqual([]);
}

async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

/** Whether EXIF data carries a GPS sub-directory (TIFF tag 0x8825 in IFD0). */
function hasGpsInfo(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf("Exif\0\0") === 0 ? 6 : 0);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (o: number) => (little ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (little ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd0 = u32(4);
  for (let i = 0; i < u16(ifd0); i += 1) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

describe("uploading evidence", () => {
  it("stores a phone photo upright, without its GPS position, with a thumbnail", async () => {
    const caseId = await makeCase("ASSIGNED");
    // A phone photo taken in portrait: pixels stored landscape, turned by the EXIF orientation.
    const original = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#c00" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: "Phone", Model: "X" },
        IFD3: {
          GPSLatitudeRef: "N",
          GPSLatitude: "47/1 15/1 0/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "39/1 40/1 0/1",
        },
      })
      .toBuffer();
    expect(hasGpsInfo((await sharp(original).metadata()).exif)).toBe(true);

    const attachment = await uploaded(
      await upload("executor", caseId, "evidence", { bytes: original, name: "Яма у дома 5.jpg" }),
    );
    expect(attachment).toMatchObject({
      kind: "PHOTO",
      fileName: "Яма у дома 5.jpg",
      mimeType: "image/jpeg",
      width: 600,
      height: 800,
      draftId: null,
      uploadedBy: { id: user("executor").id, fullName: user("executor").fullName },
      url: `/api/attachments/${attachment.id}`,
      thumbnailUrl: `/api/attachments/${attachment.id}?variant=thumb`,
    });

    const stored = await download("executor", attachment.url);
    expect(stored.status).toBe(200);
    expect(stored.headers.get("content-type")).toBe("image/jpeg");
    expect(stored.headers.get("x-content-type-options")).toBe("nosniff");
    expect(stored.headers.get("cache-control")).toMatch(/^private/);
    expect(stored.headers.get("content-disposition")).toBe(
      "inline; filename=\"_ _ _ 5.jpg\"; filename*=UTF-8''%D0%AF%D0%BC%D0%B0%20%D1%83%20%D0%B4%D0%BE%D0%BC%D0%B0%205.jpg",
    );
    const bytes = await bytesOf(stored);
    expect(bytes.length).toBe(attachment.sizeBytes);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(hasGpsInfo(meta.exif)).toBe(false);
    expect(meta.orientation).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([600, 800]);

    const thumb = await download("executor", attachment.thumbnailUrl!);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const thumbMeta = await sharp(await bytesOf(thumb)).metadata();
    expect(thumbMeta).toMatchObject({ format: "webp", width: 240, height: 320 });

    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedFiles()).toEqual(expect.arrayContaining([row.storageKey, row.thumbnailKey]));
  });

  it("stores a video as it is and streams it by byte ranges", async () => {
    const caseId = await makeCase("REWORK");
    const video = mp4(300 * KB);
    const attachment = await uploaded(
      await upload("executor", caseId, "evidence", { bytes: video, name: "обход.mp4", type: "video/mp4" }),
    );
    expect(attachment).toMatchObject({ kind: "VIDEO", mimeType: "video/mp4", sizeBytes: video.length });
    expect(attachment.thumbnailUrl).toBeNull();
    expect(attachment.width).toBeNull();

    const whole = await download("coordinator", attachment.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-length")).toBe(String(video.length));
    expect((await bytesOf(whole)).equals(video)).toBe(true);

    const part = await download("coordinator", attachment.url, { Range: "bytes=1000-1999" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${video.length}`);
    expect(part.headers.get("content-length")).toBe("1000");
    expect((await bytesOf(part)).equals(video.subarray(1000, 2000))).toBe(true);

    const tail = await download("coordinator", attachment.url, { Range: "bytes=-16" });
    expect(tail.status).toBe(206);
    expect((await bytesOf(tail)).equals(video.subarray(video.length - 16))).toBe(true);

    const beyond = await download("coordinator", attachment.url, { Range: `bytes=${video.length}-` });
    expect(beyond.headers.get("content-range")).toBe(`bytes */${video.length}`);
    await expectRefusal(beyond, 416, "range_not_satisfiable");

    // A Range for another version of the file (If-Range) gets the whole file.
    const stale = await download("coordinator", attachment.url, { Range: "bytes=0-9", "If-Range": '"other"' });
    expect(stale.status).toBe(200);
    await stale.body?.cancel();

    const etag = whole.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const revalidated = await download("coordinator", attachment.url, { "If-None-Match": etag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
  });

  it("keeps a PNG screenshot a PNG and records what it is", async () => {
    const caseId = await makeCase("NEW", null);
    const png = await sharp({ create: { width: 1280, height: 720, channels: 4, background: "#ffffff" } })
      .png()
      .toBuffer();
    const screenshot = await uploaded(
      await upload("coordinator", caseId, "screenshot", { bytes: png, name: "screen", type: "image/png" }),
    );
    expect(screenshot).toMatchObject({ kind: "SCREENSHOT", fileName: "screen.png", mimeType: "image/png" });
    expect(screenshot).toMatchObject({ width: 1280, height: 720 });

    const approved = await makeCase("APPROVED");
    const answer = await uploaded(
      await upload("coordinator", approved, "answerScreenshot", { bytes: await photo(), name: "ответ.jpg" }),
    );
    expect(answer.kind).toBe("ANSWER_SCREENSHOT");
  });
});

describe("refused uploads leave nothing behind", () => {
  it("refuses an executable renamed photo.jpg by its content (415)", async () => {
    const caseId = await makeCase("ASSIGNED");
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), randomBytes(8 * KB)]);
    await expectNothingStored(caseId, async () => {
      await expectRefusal(
        await upload("executor", caseId, "evidence", { bytes: exe, name: "photo.jpg", type: "image/jpeg" }),
        415,
        "unsupported_media_type",
        "Недопустимый тип файла: EXE. Можно загрузить фото (JPEG, PNG, WebP) или видео (MP4, MOV, WebM)",
      );
    });
  });

  it("refuses a video where only an image will do (415)", async () => {
    const caseId = await makeCase("NEW", null);
    await expectNothingStored(caseId, async () => {
      await expectRefusal(
        await upload("coordinator", caseId, "screenshot", { bytes: mp4(KB), name: "screen.png" }),
        415,
        "unsupported_media_type",
        "Недопустимый тип файла: MP4. Можно загрузить изображение (JPEG, PNG, WebP)",
      );
    });
  });

  it("refuses a file over its type's limit (413)", async () => {
    const caseId = await makeCase("ASSIGNED");
    const small = { maxPhotoBytes: 64 * KB, maxVideoBytes: 256 * KB };
    // Noise does not compress: about 90 KB, over the photo limit and under the video one.
    const bigPhoto = await sharp({
      create: {
        width: 400,
        height: 300,
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma: 60 },
      },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    expect(bigPhoto.length).toBeGreaterThan(64 * KB);
    expect(bigPhoto.length).toBeLessThan(256 * KB);
    await expectNothingStored(caseId, async () => {
      await expectRefusal(
        await upload("executor", caseId, "evidence", { bytes: bigPhoto, name: "шум.jpg" }, small),
        413,
        "payload_too_large",
        "Файл слишком большой: фото — не больше 64 КБ",
      );
      await expectRefusal(
        await upload("executor", caseId, "evidence", { bytes: mp4(300 * KB), name: "долго.mp4" }, small),
        413,
        "payload_too_large",
        "Файл слишком большой: видео — не больше 256 КБ",
      );
    });
  });

  it("stops reading an oversized body as soon as the limit is passed, and refuses a declared one unread", async () => {
    const caseId = await makeCase("ASSIGNED");
    const small = { maxPhotoBytes: 64 * KB, maxVideoBytes: 256 * KB };
    const boundary = "otklik-test-boundary";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    );
    const total = 50 * 1024 * KB;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(head));
        controller.enqueue(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
      },
      pull(controller) {
        if (sent >= total) {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        controller.enqueue(new Uint8Array(64 * KB));
        sent += 64 * KB;
      },
    });
    const streamed = new Request(`http://portal.test/api/cases/${caseId}/attachments?purpose=evidence`, {
      method: "POST",
      body,
      headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    const deps = { prisma: t.prisma, storage, limits: small, tempDir: uploadTemp, user: user("executor") };

    await expectNothingStored(caseId, async () => {
      await expectRefusal(
        await respondToUpload(streamed, caseId, deps),
        413,
        "payload_too_large",
        /фото — не больше 64 КБ/,
      );
    });
    // 50 MB offered; reading stopped within a few chunks of the 64 KB limit.
    expect(sent).toBeLessThan(1024 * KB);

    let pulled = 0;
    const declared = new Request(`http://portal.test/api/cases/${caseId}/attachments?purpose=evidence`, {
      method: "POST",
      body: new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(64 * KB));
        },
      }),
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        "Content-Length": String(300 * KB + 65 * KB),
      },
      duplex: "half",
    } as RequestInit);
    await expectNothingStored(caseId, async () => {
      await expectRefusal(
        await respondToUpload(declared, caseId, deps),
        413,
        "payload_too_large",
        "Файл слишком большой: фото — не больше 64 КБ, видео — не больше 256 КБ",
      );
    });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("refuses a corrupt JPEG: a valid header, then garbage (400)", async () => {
    const caseId = await makeCase("ASSIGNED");
    const good = await photo();
    const corrupt = Buffer.concat([good.subarray(0, 20), randomBytes(6 * KB)]);
    await expectNothingStored(caseId, async () => {
      await expectRefusal(
        await upload("executor", caseId, "evidence", { bytes: corrupt, name: "photo.jpg" }),
        400,
        "corrupt_file",
        /^Файл повреждён/,
      );
    });
  });

  it("answers 404 for a case the uploader cannot see, another municipality's included", async () => {
    const caseId = await makeCase("ASSIGNED");
    const bytes = await photo();
    await expectNothingStored(caseId, async () => {
      await expectRefusal(
        await upload("stranger", caseId, "screenshot", { bytes, name: "a.jpg" }),
        404,
        "not_found",
        "Публикация не найдена",
      );
      // An executor of another department does not see ЖКХ's case at all.
      await expectRefusal(await upload("eduExecutor", caseId, "evidence", { bytes, name: "a.jpg" }), 404, "not_found");
      // The administrator manages the portal, not cases.
      await expectRefusal(await upload("admin", caseId, "screenshot", { bytes, name: "a.jpg" }), 404, "not_found");
      await expectRefusal(
        await upload("executor", "no-such-case", "evidence", { bytes, name: "a.jpg" }),
        404,
        "not_found",
      );
    });
  });

  it("answers 403 to someone who may see the case but not upload this now", async () => {
    const review = await makeCase("INTERNAL_REVIEW");
    const assigned = await makeCase("ASSIGNED");
    const posted = await makeCase("CANCELLED");
    const bytes = await photo();
    for (const [who, caseId, purpose, message] of [
      [
        "executor",
        review,
        "evidence",
        "Фото и видео можно прикреплять, пока проект ответа готовится или дорабатывается",
      ],
      ["coordinator", assigned, "evidence", /исполнитель отдела/],
      ["coordinator", assigned, "answerScreenshot", /после согласования ответа/],
      ["executor", assigned, "screenshot", /регистрирует или направляет/],
      ["coordinator", posted, "screenshot", /Работа по публикации завершена/],
    ] as const) {
      await expectNothingStored(caseId, async () => {
        await expectRefusal(await upload(who, caseId, purpose, { bytes, name: "a.jpg" }), 403, "forbidden", message);
      });
    }
  });

  it("answers 401 without a session and 400 for a malformed request", async () => {
    const caseId = await makeCase("ASSIGNED");
    const bytes = await photo();
    await expectNothingStored(caseId, async () => {
      await expectRefusal(await upload(null, caseId, "evidence", { bytes, name: "a.jpg" }), 401, "unauthorized");
      await expectRefusal(
        await upload("executor", caseId, "document", { bytes, name: "a.jpg" }),
        400,
        "bad_request",
        /purpose/,
      );
      await expectRefusal(
        await upload("executor", caseId, "evidence"),
        400,
        "bad_request",
        "Выберите файл для загрузки",
      );
      await expectRefusal(
        await upload("executor", caseId, "evidence", { bytes: Buffer.alloc(0), name: "a.jpg" }),
        400,
        "bad_request",
        "Файл пустой",
      );

      const twoFiles = new FormData();
      twoFiles.append("file", new Blob([new Uint8Array(bytes)]), "a.jpg");
      twoFiles.append("file", new Blob([new Uint8Array(bytes)]), "b.jpg");
      const request = new Request(`http://portal.test/api/cases/${caseId}/attachments?purpose=evidence`, {
        method: "POST",
        body: twoFiles,
      });
      const deps = { prisma: t.prisma, storage, limits, tempDir: uploadTemp, user: user("executor") };
      await expectRefusal(
        await respondToUpload(request, caseId, deps),
        400,
        "bad_request",
        "Загружайте файлы по одному",
      );

      const json = new Request(`http://portal.test/api/cases/${caseId}/attachments?purpose=evidence`, {
        method: "POST",
        body: JSON.stringify({ file: "a.jpg" }),
        headers: { "Content-Type": "application/json" },
      });
      await expectRefusal(await respondToUpload(json, caseId, deps), 400, "bad_request", /multipart\/form-data/);

      // The connection drops half-way through the file.
      const boundary = "otklik-test-boundary";
      const cut = new Request(`http://portal.test/api/cases/${caseId}/attachments?purpose=evidence`, {
        method: "POST",
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(
              new TextEncoder().encode(
                `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n`,
              ),
            );
            controller.enqueue(new Uint8Array(bytes.subarray(0, bytes.length / 2)));
            controller.error(new Error("connection reset"));
          },
        }),
        headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
        duplex: "half",
      } as RequestInit);
      await expectRefusal(await respondToUpload(cut, caseId, deps), 400, "bad_request", /передача прервалась/);
    });
  });

  it("deletes the stored file again when the database refuses the row", async () => {
    const caseId = await makeCase("NEW", null);
    // A coordinator whose account vanished between the session check and the write.
    const ghost = { ...attachmentActorOf(user("coordinator")), userId: "ghost-user" };
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const request = uploadRequest(caseId, "screenshot", { bytes: png, name: "s.png", type: "image/png" });
    await expectNothingStored(caseId, async () => {
      await expect(
        uploadAttachment({ prisma: t.prisma, storage, limits, tempDir: uploadTemp }, ghost, {
          caseId,
          purpose: "screenshot",
          contentType: request.headers.get("content-type"),
          contentLength: null,
          body: request.body,
        }),
      ).rejects.toMatchObject({ code: "P2003" });
    });
  });
});

describe("who sees and removes files", () => {
  it("serves a file only to those who may see its case", async () => {
    const caseId = await makeCase("ASSIGNED");
    const attachment = await uploaded(
      await upload("executor", caseId, "evidence", { bytes: await photo(), name: "a.jpg" }),
    );
    for (const who of ["executor", "executor2", "coordinator", "curator", "head"]) {
      const response = await download(who, attachment.url);
      expect(response.status, who).toBe(200);
      await response.body?.cancel();
    }
    for (const who of ["stranger", "eduExecutor", "admin"]) {
      await expectRefusal(await download(who, attachment.url), 404, "not_found", "Файл не найден");
      await expectRefusal(await download(who, attachment.thumbnailUrl!), 404, "not_found");
    }
    await expectRefusal(await download(null, attachment.url), 401, "unauthorized");
    await expectRefusal(await download("executor", "/api/attachments/nope"), 404, "not_found");
  });

  it("lets the uploader remove evidence until it is sent with the draft, and nobody else", async () => {
    const caseId = await makeCase("ASSIGNED");
    const kept = await uploaded(await upload("executor", caseId, "evidence", { bytes: await photo(), name: "a.jpg" }));
    const dropped = await uploaded(
      await upload("executor", caseId, "evidence", { bytes: await photo(), name: "b.jpg" }),
    );
    const droppedRow = await t.prisma.attachment.findUniqueOrThrow({ where: { id: dropped.id } });

    await expectRefusal(
      await remove("executor2", dropped.id),
      403,
      "forbidden",
      "Удалить файл может только тот, кто его загрузил",
    );
    await expectRefusal(await remove("stranger", dropped.id), 404, "not_found");

    const removed = await remove("executor", dropped.id);
    expect(removed.status).toBe(204);
    expect(await t.prisma.attachment.count({ where: { id: dropped.id } })).toBe(0);
    const files = await storedFiles();
    expect(files).not.toContain(droppedRow.storageKey);
    expect(files).not.toContain(droppedRow.thumbnailKey);
    await expectRefusal(await download("executor", dropped.url), 404, "not_found");

    // The draft is sent: the evidence joins it and stays in the case's history.
    const draft = await t.prisma.answerDraft.create({
      data: {
        caseId,
        version: 1,
        kind: "MEASURES",
        text: "Яму засыпали 28.11",
        authorId: user("executor").id,
        submittedAt: now,
      },
    });
    expect(await linkPendingEvidence(t.prisma, caseId, draft.id, zhkhId)).toBe(1);
    await expectRefusal(
      await remove("executor", kept.id),
      403,
      "forbidden",
      "Файл отправлен в составе проекта ответа и остаётся в истории публикации",
    );
    expect((await download("executor", kept.url)).status).toBe(200);
  });

  it("lets the uploader remove a screenshot while the case is open only", async () => {
    const caseId = await makeCase("NEW", null);
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const first = await uploaded(await upload("coordinator", caseId, "screenshot", { bytes: png, name: "1.png" }));
    const second = await uploaded(await upload("coordinator", caseId, "screenshot", { bytes: png, name: "2.png" }));
    expect((await remove("coordinator", first.id)).status).toBe(204);

    await t.prisma.case.update({ where: { id: caseId }, data: { status: "CANCELLED" } });
    await expectRefusal(await remove("coordinator", second.id), 403, "forbidden", /Работа по публикации завершена/);
    expect(await t.prisma.attachment.count({ where: { id: second.id } })).toBe(1);
  });
});
