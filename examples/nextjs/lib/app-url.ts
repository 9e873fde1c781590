/**
 * This app's URL for `path`, as the browser addressed it (Host and X-Forwarded-Proto), since
 * behind `next start -H` or a proxy `request.url` may name another host, with other cookies.
 */
export function appUrl(headers: Headers, path: string): string {
  return `${headers.get('x-forwarded-proto') ?? 'http'}://${headers.get('host')}${path}`
}
