import { describe, expectTypeOf, test } from 'vitest'
import { KNOWN_ERRORS, type KnownErrorEntry } from '../../../src/kratos/errors.js'

describe('the error catalogue asks for what a page does', () => {
  test('an entry without an action does not compile', () => {
    // @ts-expect-error: no action
    const entry: KnownErrorEntry<'identity_disabled'> = { status: 400, read: KNOWN_ERRORS.identity_disabled.read }
    expectTypeOf(entry).toEqualTypeOf<KnownErrorEntry<'identity_disabled'>>()
  })

  test('only an id whose payload always has redirectBrowserTo may send the browser there', () => {
    const { read } = KNOWN_ERRORS.session_inactive
    // @ts-expect-error: session_inactive may come without redirectBrowserTo
    const wrong: KnownErrorEntry<'session_inactive'> = { status: 401, read, action: 'second_factor' }
    const right: KnownErrorEntry<'session_aal2_required'> = { status: 403, read: KNOWN_ERRORS.session_aal2_required.read, action: 'second_factor' }
    expectTypeOf(wrong.action).toEqualTypeOf<'login' | 'restart' | 'show'>()
    expectTypeOf(right.action).toEqualTypeOf<'login' | 'second_factor' | 'reauthenticate' | 'location_change' | 'restart' | 'show'>()
  })
})
