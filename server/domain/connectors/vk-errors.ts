/**
 * What a failed VK API call means for the connector. VK answers HTTP 200 with
 * `{"error": {"error_code", "error_msg"}}` for most failures; a proxy or VK's front end may
 * answer HTTP 429 or 5xx instead, and the network may fail altogether. Four kinds follow:
 *
 * - TOKEN: the community's access key no longer works. Nothing is retried; the administrator
 *   must enter a new key, and no call is made with the old one meanwhile.
 * - RATE_LIMIT: VK refused the call before doing anything (too many calls, flood control).
 *   Safe to repeat after a pause, even for a call that writes.
 * - TRANSIENT: VK failed inside or could not be reached. Repeating a read is safe; a write may
 *   have happened, so it is not repeated blindly (a second comment would be posted).
 * - PERMANENT: the call cannot succeed as made (no rights, comments closed, post deleted).
 */

export type TVkFailureKind = "TOKEN" | "RATE_LIMIT" | "TRANSIENT" | "PERMANENT";

export type TVkFailureCause =
  | { type: "api"; code: number; message?: string | null }
  | { type: "http"; status: number; retryAfterSeconds?: number | null }
  | { type: "network" }
  | { type: "malformed" };

export interface TVkFailure {
  kind: TVkFailureKind;
  /** For people, in Russian: what went wrong and, where there is one, what to do. */
  message: string;
  /** VK's error_code, when VK answered with one. */
  code: number | null;
  /** The HTTP status, when the failure was one. */
  httpStatus: number | null;
  /** A pause VK asked for (HTTP Retry-After), in milliseconds. */
  retryAfterMs: number | null;
}

export const VK_TOKEN_INVALID_MESSAGE = "Ключ доступа сообщества ВКонтакте недействителен или истёк";

/** VK's error codes the connector can meet, with their kind and Russian explanation. */
const API_ERRORS: Readonly<Record<number, { kind: TVkFailureKind; message: string }>> = {
  1: { kind: "TRANSIENT", message: "Неизвестная ошибка на стороне ВКонтакте" },
  3: { kind: "PERMANENT", message: "ВКонтакте не знает такого метода: проверьте адрес API (VK_API_BASE_URL)" },
  5: {
    kind: "TOKEN",
    message: `${VK_TOKEN_INVALID_MESSAGE}: создайте новый ключ в настройках сообщества и введите его на странице подключения`,
  },
  6: { kind: "RATE_LIMIT", message: "ВКонтакте: слишком много запросов в секунду" },
  7: {
    kind: "PERMANENT",
    message: "Нет прав на это действие: выдайте ключу доступа сообщества право «Управление стеной»",
  },
  8: { kind: "PERMANENT", message: "ВКонтакте отклонил запрос как неверный" },
  9: { kind: "RATE_LIMIT", message: "ВКонтакте: слишком много однотипных действий (защита от флуда)" },
  10: { kind: "TRANSIENT", message: "Внутренняя ошибка сервера ВКонтакте" },
  14: {
    kind: "PERMANENT",
    message: "ВКонтакте требует ввести код с картинки (капчу): разместите ответ вручную",
  },
  15: {
    kind: "PERMANENT",
    message: "ВКонтакте запретил доступ: сообщество не может выполнить это действие с этой записью",
  },
  17: { kind: "PERMANENT", message: "ВКонтакте требует подтвердить действие в браузере: разместите ответ вручную" },
  18: { kind: "PERMANENT", message: "Страница удалена или заблокирована ВКонтакте" },
  27: {
    kind: "PERMANENT",
    message:
      "ВКонтакте не выполняет этот метод с ключом доступа сообщества (ошибка 27): эту часть работы подключение выполнить не может, её нужно делать вручную",
  },
  28: { kind: "PERMANENT", message: "Ключ доступа приложения ВКонтакте недействителен" },
  29: { kind: "RATE_LIMIT", message: "ВКонтакте: исчерпан лимит вызовов метода, повторите позже" },
  30: { kind: "PERMANENT", message: "Профиль закрыт: ВКонтакте не даёт доступа к его записям" },
  100: { kind: "PERMANENT", message: "ВКонтакте отклонил параметры запроса: возможно, запись удалена" },
  113: { kind: "PERMANENT", message: "ВКонтакте не нашёл такого пользователя" },
  200: { kind: "PERMANENT", message: "Нет доступа к сообществу ВКонтакте" },
  203: { kind: "PERMANENT", message: "Нет доступа к сообществу ВКонтакте: оно закрыто или удалено" },
  210: { kind: "PERMANENT", message: "Нет доступа к записи на стене: возможно, она удалена" },
  211: { kind: "PERMANENT", message: "Нет доступа к комментарию на стене" },
  212: { kind: "PERMANENT", message: "Нет доступа к комментариям записи: комментарии закрыты" },
  213: { kind: "PERMANENT", message: "Нет доступа к комментированию записи: комментарии закрыты или ограничены" },
  222: { kind: "PERMANENT", message: "ВКонтакте запрещает ссылки в этом комментарии: уберите ссылки из ответа" },
  223: { kind: "PERMANENT", message: "В ветке комментариев слишком много ответов" },
};

const RATE_LIMIT_HTTP = 429;

function failure(
  kind: TVkFailureKind,
  message: string,
  extra: Partial<Pick<TVkFailure, "code" | "httpStatus" | "retryAfterMs">> = {},
): TVkFailure {
  return { kind, message, code: null, httpStatus: null, retryAfterMs: null, ...extra };
}

/** Classifies one failed call. Pure: the client retries or reports from what this says. */
export function classifyVkFailure(cause: TVkFailureCause): TVkFailure {
  switch (cause.type) {
    case "api": {
      const known = API_ERRORS[cause.code];
      if (known) return failure(known.kind, known.message, { code: cause.code });
      // VK's own words (English) help the administrator search VK's documentation.
      const detail = cause.message?.trim().slice(0, 200);
      return failure("PERMANENT", `Ошибка ВКонтакте ${cause.code}${detail ? `: ${detail}` : ""}`, {
        code: cause.code,
      });
    }
    case "http": {
      if (cause.status === RATE_LIMIT_HTTP) {
        const seconds = cause.retryAfterSeconds;
        return failure("RATE_LIMIT", "ВКонтакте ограничил частоту запросов (HTTP 429)", {
          httpStatus: cause.status,
          retryAfterMs: seconds !== null && seconds !== undefined && seconds >= 0 ? Math.round(seconds * 1000) : null,
        });
      }
      if (cause.status >= 500) {
        return failure("TRANSIENT", `Сервер ВКонтакте временно недоступен (HTTP ${cause.status})`, {
          httpStatus: cause.status,
        });
      }
      return failure("PERMANENT", `ВКонтакте ответил ошибкой HTTP ${cause.status}: проверьте адрес API`, {
        httpStatus: cause.status,
      });
    }
    case "network":
      return failure("TRANSIENT", "Нет связи с ВКонтакте: сервер не ответил");
    case "malformed":
      return failure("TRANSIENT", "ВКонтакте вернул ответ в неожиданном формате");
  }
}

/** Reads an HTTP Retry-After header given in seconds; dates and junk are ignored. */
export function parseRetryAfterSeconds(header: string | null): number | null {
  if (header === null || !/^\s*\d{1,6}\s*$/u.test(header)) return null;
  return Number(header.trim());
}
