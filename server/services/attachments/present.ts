import type { Prisma } from "../../db/generated/client";

/** What a case page needs of an attachment; the file itself is served by /api/attachments/{id}. */
export const ATTACHMENT_SELECT = {
  id: true,
  kind: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
  width: true,
  height: true,
  draftId: true,
  thumbnailKey: true,
  createdAt: true,
  uploadedBy: { select: { id: true, fullName: true, departmentId: true } },
} satisfies Prisma.AttachmentSelect;

type TAttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof ATTACHMENT_SELECT }>;

export function presentAttachment(a: TAttachmentRow) {
  const { thumbnailKey, sizeBytes, ...rest } = a;
  return {
    ...rest,
    sizeBytes: Number(sizeBytes),
    url: `/api/attachments/${a.id}`,
    thumbnailUrl: thumbnailKey ? `/api/attachments/${a.id}?variant=thumb` : null,
  };
}

export type TPresentedAttachment = ReturnType<typeof presentAttachment>;
