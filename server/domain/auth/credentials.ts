/** Sign-in names are case-insensitive: stored and compared lower-case, trimmed. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export const PASSWORD_MIN_LENGTH = 8;

/**
 * A password an administrator sets for a person. Demo data uses the short password "demo"
 * through the seed, which does not pass through this check.
 */
export function checkPasswordStrength(password: string, login?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Пароль должен быть не короче ${PASSWORD_MIN_LENGTH} символов`;
  if (password.length > 200) return "Пароль слишком длинный (не более 200 символов)";
  if (!/[A-Za-zА-Яа-яЁё]/.test(password) || !/\d/.test(password)) {
    return "Пароль должен содержать буквы и цифры";
  }
  if (login && password.toLowerCase().includes(normalizeLogin(login))) return "Пароль не должен содержать логин";
  return null;
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
