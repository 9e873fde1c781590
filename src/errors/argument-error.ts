/** An argument or option is invalid. Thrown before any request is sent. */
export class KratosArgumentError extends TypeError {
  override name = 'KratosArgumentError' as const
}
