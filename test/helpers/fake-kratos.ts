// How unit tests fake Kratos when the test is not about HTTP itself: the client's `fetch` answers
// each request. (Tests about HTTP use a real server on 127.0.0.1: http-server.ts.)
import { createKratosClient, type KratosClientOptions, type UnexpectedResponseError, type UpdateSettingsFlowResult } from '../../src/index.js'

/** The base URL of the faked Kratos. */
export const BASE = 'http://kratos.test'

/** A client whose fetch answers every request with `respond`, recording the requests. */
export function kratosAnswering(respond: (request: Request) => Response | Promise<Response>, options: Partial<KratosClientOptions> = {}) {
  const requests: Request[] = []
  const kratos = createKratosClient({
    baseUrl: BASE,
    retry: 0,
    ...options,
    fetch: async (input) => {
      const request = input as Request
      requests.push(request.clone())
      return respond(request)
    },
  })
  return { kratos, requests }
}

/** A Kratos JSON error answer. */
export const kratosError = (status: number, error: Record<string, unknown>, extra: Record<string, unknown> = {}) => Response.json({ error: { code: status, ...error }, ...extra }, { status })

/** The error of an `unexpected` result; throws for any other kind. */
export function unexpectedOf(result: UpdateSettingsFlowResult): UnexpectedResponseError {
  if (result.kind !== 'unexpected') throw new Error(`expected kind "unexpected", got "${result.kind}"`)
  return result.error
}

/** A body of `chunks`; when `onCancel` watches for a cancel, it stays open, as a slow server's would. */
export const streamOf = (chunks: string[], onCancel?: () => void) => {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      if (onCancel === undefined) controller.close()
    },
    ...(onCancel === undefined ? {} : { cancel: onCancel }),
  })
}
