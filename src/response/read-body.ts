import { ignore } from '../utils/ignore.js'
import { failed, parsed, type Parsed } from '../utils/parsed.js'

/** decode() without `stream` keeps no state: one decoder serves every call. */
const utf8 = new TextDecoder()

/** Drops a response's body unread, so the connection can be reused; a failure to cancel changes nothing. */
export function discardBody(response: Response): void {
  response.body?.cancel().catch(ignore)
}

/**
 * Reads a response body as UTF-8 text, never buffering more than `maxBytes`: a larger body
 * (declared or streamed) is cancelled. A body still streaming after `timeout` ms is cancelled too.
 * Stream failures (connection reset, abort) are thrown as they come.
 */
export async function readBody(response: Response, maxBytes: number, timeout: number): Promise<Parsed<{ text: string; bytes: Uint8Array }, 'body_too_large' | 'body_timed_out'>> {
  const body = response.body
  if (body === null) return parsed({ text: '', bytes: new Uint8Array(0) })
  if (Number(response.headers.get('content-length')) > maxBytes) {
    body.cancel().catch(ignore)
    return failed('body_too_large')
  }
  const reader = body.getReader()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    reader.cancel().catch(ignore)
  }, timeout)
  try {
    // One buffer, grown by doubling, decoded once: a million one-byte chunks cost their bytes,
    // not a million strings. The first chunk is that buffer until a second comes: a body in one chunk is not copied.
    let bytes: Uint8Array = new Uint8Array(0)
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (size + value.byteLength > maxBytes) {
        reader.cancel().catch(ignore)
        return failed('body_too_large')
      }
      if (size === 0) bytes = value
      else if (size + value.byteLength > bytes.byteLength) {
        const grown = new Uint8Array(Math.min(maxBytes, Math.max(size + value.byteLength, bytes.byteLength * 2, 16_384)))
        grown.set(bytes.subarray(0, size))
        bytes = grown
      }
      if (bytes !== value) bytes.set(value, size)
      size += value.byteLength
    }
    if (timedOut) return failed('body_timed_out')
    bytes = bytes.subarray(0, size)
    return parsed({ text: utf8.decode(bytes), bytes })
  } catch (error) {
    if (timedOut) return failed('body_timed_out')
    throw error
  } finally {
    clearTimeout(timer)
  }
}
