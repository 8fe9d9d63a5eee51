/**
 * What a row of the curator's export can fill in a case, with the Russian names people see in
 * the mapping form and the header names the exports of regional systems use for them. Shared
 * by the browser (the mapping form) and the server: nothing here reads Node or the database.
 */

export const IMPORT_FIELDS = [
  "externalId",
  "url",
  "text",
  "receivedAt",
  "publishedAt",
  "network",
  "authorName",
  "authorUrl",
  "topic",
  "settlement",
  "address",
  "significant",
] as const;

export type TImportField = (typeof IMPORT_FIELDS)[number];

/** Field → the header of the column it is read from; a field left out (or null) is not imported. */
export type TImportMapping = Partial<Record<TImportField, string | null>>;

export interface TImportFieldInfo {
  label: string;
  required: boolean;
  /** What a person may need to know about the column's values. */
  hint: string;
  /** Header names of the curator's systems (compared after `normalizeHeader`). */
  aliases: readonly string[];
  /** Longest accepted value, in characters (the intake form's limits). */
  maxLength?: number;
}

export const IMPORT_FIELD_INFO = {
  externalId: {
    label: "Идентификатор в системе куратора",
    required: false,
    hint: "По нему повторный импорт узнаёт уже загруженные публикации. Без него публикация узнаётся по ссылке.",
    aliases: [
      "id",
      "ид",
      "идентификатор",
      "id инцидента",
      "ид инцидента",
      "идентификатор инцидента",
      "номер инцидента",
      "№ инцидента",
      "инцидент",
      "id публикации",
      "идентификатор публикации",
      "номер публикации",
      "№ публикации",
      "номер обращения",
      "№ обращения",
      "внешний id",
      "внешний идентификатор",
      "external id",
      "externalid",
      "incident id",
    ],
    maxLength: 100,
  },
  url: {
    label: "Ссылка на публикацию",
    required: true,
    hint: "Адрес поста, начинающийся с http:// или https://",
    aliases: [
      "ссылка",
      "ссылка на публикацию",
      "ссылка на пост",
      "ссылка на сообщение",
      "ссылка на инцидент",
      "ссылка на источник",
      "адрес публикации",
      "url",
      "url публикации",
      "link",
      "post url",
      "post link",
    ],
    maxLength: 2000,
  },
  text: {
    label: "Текст публикации",
    required: true,
    hint: "",
    aliases: [
      "текст",
      "текст публикации",
      "текст поста",
      "текст сообщения",
      "текст инцидента",
      "сообщение",
      "содержание",
      "содержание публикации",
      "суть обращения",
      "описание",
      "text",
      "content",
      "message",
    ],
    maxLength: 20_000,
  },
  receivedAt: {
    label: "Дата и время поступления",
    required: true,
    hint: "С этого момента идут сроки Регламента. Например 28.11.2026 14:05; время — по часовому поясу муниципального образования, если не указано иное.",
    aliases: [
      "дата поступления",
      "дата и время поступления",
      "время поступления",
      "поступило",
      "поступила",
      "дата получения",
      "дата регистрации",
      "дата создания инцидента",
      "дата инцидента",
      "received",
      "received at",
      "receivedat",
    ],
  },
  publishedAt: {
    label: "Дата публикации",
    required: false,
    hint: "Когда автор опубликовал пост",
    aliases: [
      "дата публикации",
      "дата и время публикации",
      "время публикации",
      "опубликовано",
      "дата поста",
      "published",
      "published at",
      "publishedat",
    ],
  },
  network: {
    label: "Социальная сеть",
    required: false,
    hint: "Если столбца нет, сеть определяется по ссылке",
    aliases: ["социальная сеть", "соцсеть", "соц сеть", "сеть", "площадка", "платформа", "network", "social network"],
  },
  authorName: {
    label: "Автор",
    required: false,
    hint: "",
    aliases: ["автор", "автор публикации", "имя автора", "пользователь", "заявитель", "author", "author name"],
    maxLength: 200,
  },
  authorUrl: {
    label: "Ссылка на автора",
    required: false,
    hint: "",
    aliases: [
      "ссылка на автора",
      "профиль автора",
      "страница автора",
      "ссылка на профиль",
      "ссылка на профиль автора",
      "author url",
      "author link",
      "profile",
    ],
    maxLength: 2000,
  },
  topic: {
    label: "Тема",
    required: false,
    hint: "Сопоставляется с темами муниципального образования по названию; неизвестная тема не мешает импорту",
    aliases: ["тема", "тематика", "категория", "рубрика", "тема публикации", "topic", "category"],
  },
  settlement: {
    label: "Населённый пункт",
    required: false,
    hint: "",
    aliases: ["населенный пункт", "нас пункт", "нп", "поселение", "город", "locality", "settlement"],
    maxLength: 100,
  },
  address: {
    label: "Адрес",
    required: false,
    hint: "",
    aliases: ["адрес", "адрес места", "место", "местоположение", "address", "location"],
    maxLength: 300,
  },
  significant: {
    label: "Социально значимая",
    required: false,
    hint: "да / нет, 1 / 0; пустое значение — нет",
    aliases: [
      "социально значимая",
      "социально значимый",
      "социальная значимость",
      "значимая",
      "значимость",
      "резонансная",
      "significant",
    ],
  },
} as const satisfies Record<TImportField, TImportFieldInfo>;

export const REQUIRED_IMPORT_FIELDS = IMPORT_FIELDS.filter((f) => IMPORT_FIELD_INFO[f].required);
