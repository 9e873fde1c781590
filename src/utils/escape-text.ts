// Characters that forge log lines or drive a terminal: controls (C0 and C1: CR, LF, ESC, CSI;
// DEL), Unicode line and paragraph separators, the bidirectional controls that make text read
// differently from what it is, and the invisible zero-width space and byte-order mark.
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}\u200b\ufeff]/gu
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * `text` with every control character, line separator and bidirectional override written as an
 * escape (`\n`, `\u001b`), so that server-controlled text in an error message stays on one line
 * and cannot drive a terminal.
 */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, (character) => SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
