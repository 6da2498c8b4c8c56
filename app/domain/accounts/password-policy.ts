/*
 * What makes a password acceptable, in terms a person can act on (NIST SP 800-63B style): long
 * enough, not one of the passwords everybody tries first, not made of the e-mail address. No rules
 * about digits and symbols — they make passwords harder to remember, not to guess.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set([
  "1234567890",
  "12345678910",
  "0987654321",
  "1111111111",
  "qwertyuiop",
  "qwerty12345",
  "qwerty123456",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "password123",
  "password1234",
  "passw0rd123",
  "iloveyou123",
  "йцукенгшщз",
  "пароль1234",
  "пароль12345",
  "gosuslugi123",
  "госуслуги123",
  "penza12345",
  "пенза12345",
  "administrator",
  "letmein1234",
  "welcome1234",
]);

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "repetitive" | "containsEmail";

export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push("tooShort");
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push("tooLong");
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push("common");
  else if (new Set(chars).size <= 2 || isSequence(lower)) problems.push("repetitive");
  const local = email?.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 4 && lower.includes(local)) problems.push("containsEmail");
  return problems;
}

/** "abcdefghij", "9876543210": runs of neighbouring characters. */
function isSequence(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0)!);
  if (codes.length < 3) return false;
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}
