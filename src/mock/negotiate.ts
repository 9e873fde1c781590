// Which answer Kratos gives: x/isjsonrequest.go. Accept is negotiated over Kratos' offers
// (text/html, text/*, */*, application/json; text/html when nothing matches), OR the
// Content-Type is exactly application/json.

const OFFERS = ['text/html', 'text/*', '*/*', 'application/json'] as const

interface AcceptRange {
  readonly type: string
  readonly subtype: string
  readonly q: number
}

function parseAccept(header: string): AcceptRange[] {
  // Stryker disable next-line ArrayDeclaration: a non-range element has no type or subtype, so it matches no offer
  const ranges: AcceptRange[] = []
  for (const part of header.split(',')) {
    const [mediaType = '', ...params] = part.split(';').map((item) => item.trim())
    const [type, subtype] = mediaType.toLowerCase().split('/')
    // Stryker disable next-line LogicalOperator,StringLiteral: a range without a subtype or with an empty type matches no offer, so keeping it changes nothing
    if (type === undefined || subtype === undefined || type === '') continue
    let q = 1
    let valid = true
    for (const param of params) {
      const [key, value] = param.split('=').map((item) => item.trim())
      if (key === 'q') q = Number(value)
      // Go's negotiation drops a range with any parameter other than q.
      else valid = false
    }
    if (valid && Number.isFinite(q)) ranges.push({ type, subtype, q })
  }
  return ranges
}

function negotiate(accept: string | null): string {
  // Stryker disable next-line StringLiteral: the result is only compared with application/json
  if (accept === null) return 'text/html'
  const ranges = parseAccept(accept)
  // Stryker disable next-line StringLiteral: best is returned only when bestQ > 0, that is after a range assigned it
  let best = 'text/html'
  let bestQ = -1
  let bestWild = 3
  for (const offer of OFFERS) {
    const [type, subtype] = offer.split('/') as [string, string]
    for (const range of ranges) {
      let wild: number
      if (range.type === '*' && range.subtype === '*') wild = 2
      else if (range.type === type && range.subtype === '*') wild = 1
      else if (range.type === type && range.subtype === subtype) wild = 0
      else continue
      if (range.q > bestQ || (range.q === bestQ && wild < bestWild)) {
        best = offer
        bestQ = range.q
        bestWild = wild
      }
    }
  }
  // Stryker disable next-line StringLiteral: the result is only compared with application/json
  return bestQ <= 0 ? 'text/html' : best
}

/** True when Kratos answers `request` with JSON rather than redirects. */
export function isJsonRequest(request: Request): boolean {
  return negotiate(request.headers.get('accept')) === 'application/json' || request.headers.get('content-type') === 'application/json'
}
