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
  const decoder = new TextDecoder()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    reader.cancel().catch(ignore)
  }, timeout)
  try {
    let size = 0
    let text = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        reader.cancel().catch(ignore)
        return BODY_TOO_LARGE
      }
      text += decoder.decode(value, { stream: true })
    }
    return timedOut ? BODY_TIMED_OUT : text + decoder.decode()
  } catch (error) {
    if (timedOut) return BODY_TIMED_OUT
    throw error
  } finally {
    clearTimeout(timer)
  }
}
