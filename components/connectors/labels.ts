/** The connector's states as the administrator reads them. */
export const CONNECTOR_STATUS_LABELS = {
  NOT_CHECKED: "Ключ не проверен",
  OK: "Работает",
  TOKEN_EXPIRED: "Ключ недействителен или истёк",
  ERROR: "Ошибка",
} as const;

export type TConnectorStatus = keyof typeof CONNECTOR_STATUS_LABELS;

export const CONNECTOR_STATUS_TONES: Record<TConnectorStatus, string> = {
  NOT_CHECKED: "bg-slate-100 text-slate-800",
  OK: "bg-green-100 text-green-800",
  TOKEN_EXPIRED: "bg-red-100 text-red-800",
  ERROR: "bg-amber-100 text-amber-900",
};
