// Characters that forge log lines or drive a terminal: C0 and C1 controls (CR, LF, ESC, CSI),
// DEL, Unicode line and paragraph separators, and the bidirectional overrides that make text
// read differently from what it is.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with every control character, line separator and bidirectional override written as an
 * escape (`\n`, `\u001b`), so that server-controlled text in an error message stays on one line
 * and cannot drive a terminal.
 */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, (character) => SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
