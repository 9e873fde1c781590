/** `endpoint` with the given query parameters, percent-encoded; undefined and empty ones are left out. */
export function requestUrl(endpoint: string, query: Record<string, string | undefined>): string {
  let url: URL | undefined
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue
    url ??= new URL(endpoint)
    url.searchParams.set(name, value)
  }
  return url?.href ?? endpoint
}
