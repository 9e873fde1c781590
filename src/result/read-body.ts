/** Returned by {@link readBody} instead of text when the body exceeds the size limit. */
export const BODY_TOO_LARGE = Symbol('body too large')

/** Returned by {@link readBody} instead of text when the body did not finish in time. */
export const BODY_TIMED_OUT = Symbol('body timed out')

const ignore = () => {}

/**
 * Reads a response body as UTF-8 text, never buffering more than `maxBytes`: a larger body
 * (declared or streamed) is cancelled. A body still streaming after `timeout` ms is cancelled too.
 * Stream failures (connection reset, abort) are thrown as they come.
 */
export async function readBody(
  response: Response,
  maxBytes: number,
  timeout: number,
): Promise<string | typeof BODY_TOO_LARGE | typeof BODY_TIMED_OUT> {
  const body = response.body
  if (body === null) return ''
  if (Number(response.headers.get('content-length')) > maxBytes) {
    body.cancel().catch(ignore)
    return BODY_TOO_LARGE
  }
  const reader = body.getReader()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    reader.cancel().catch(ignore)
  }, timeout)
  try {
    // One buffer, grown by doubling, decoded once: a million one-byte chunks cost their bytes,
    // not a million strings.
    let bytes = new Uint8Array(0)
    let size = 0
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (size + value.byteLength > maxBytes) {
        reader.cancel().catch(ignore)
        return BODY_TOO_LARGE
      }
      if (size + value.byteLength > bytes.byteLength) {
        const grown = new Uint8Array(Math.min(maxBytes, Math.max(size + value.byteLength, bytes.byteLength * 2, 16_384)))
        grown.set(bytes.subarray(0, size))
        bytes = grown
      }
      bytes.set(value, size)
      size += value.byteLength
    }
    return timedOut ? BODY_TIMED_OUT : new TextDecoder().decode(bytes.subarray(0, size))
  } catch (error) {
    if (timedOut) return BODY_TIMED_OUT
    throw error
  } finally {
    clearTimeout(timer)
  }
}
