// The recordings on disk, and a recorded answer turned back into a Response.
import { readdirSync, readFileSync } from 'node:fs'
import type { Recording } from './normalize.js'

const folder = new URL('recordings/', import.meta.url)

/** The Kratos versions recorded, newest first. */
export const VERSIONS: readonly string[] = readdirSync(folder)
  .filter((name) => name !== 'master')
  .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
  .concat(readdirSync(folder).includes('master') ? ['master'] : [])

/** Every recording of `version`, by row id. */
export function recordingsOf(version: string): ReadonlyMap<string, Recording> {
  const at = new URL(`${version}/`, folder)
  const entries = readdirSync(at)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(new URL(file, at), 'utf8')) as Recording)
  return new Map(entries.map((recording) => [recording.row, recording]))
}

/** The recorded answer as a Response (cookie values and dates stand in for the dropped ones). */
export function recordedResponse(recording: Recording): Response {
  const { status, location, contentType, setCookie, body } = recording.response
  const headers = new Headers()
  if (location !== undefined) headers.set('location', location)
  if (contentType !== undefined) headers.set('content-type', contentType)
  for (const cookie of setCookie) {
    const attributes = cookie.attributes.map((attribute) => (/^expires$/i.test(attribute) ? 'Expires=Fri, 01 Jan 2038 00:00:00 GMT' : /^max-age$/i.test(attribute) ? 'Max-Age=86400' : attribute))
    headers.append('set-cookie', [`${cookie.name}=recorded-value`, ...attributes].join('; '))
  }
  const text = body === null ? null : typeof body === 'string' ? body : JSON.stringify(body)
  return new Response(status === 204 || status === 304 ? null : text, { status, headers })
}
